package org.ims.auth;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.ims.site.Membership;
import org.ims.user.User;

/** What the authentication API returns. */
public final class AuthViews {

  private AuthViews() {}

  @JsonbPropertyOrder({"id", "name", "role", "isDefault"})
  public record SiteView(Long id, String name, String role, boolean isDefault) {
    static SiteView of(Membership m) {
      return new SiteView(m.site().id(), m.site().name(), m.role().name(), m.defaultSite());
    }
  }

  @JsonbPropertyOrder({"id", "username", "email", "sites"})
  public record UserView(Long id, String username, String email, List<SiteView> sites) {
    static UserView of(User user, List<Membership> sites) {
      return new UserView(
          user.id(), user.username(), user.email(), sites.stream().map(SiteView::of).toList());
    }
  }

  /** The caller and their active site, as {@code GET /api/auth/me} answers. */
  @JsonbPropertyOrder({"user", "currentSite", "passwordChangeRequired"})
  public record MeView(UserView user, SiteView currentSite, boolean passwordChangeRequired) {}

  /** Login, refresh and site switch: new tokens plus who and where the caller now is. */
  @JsonbPropertyOrder({
    "token",
    "tokenType",
    "expiresAt",
    "refreshToken",
    "user",
    "currentSite",
    "passwordChangeRequired"
  })
  public record SessionView(
      String token,
      String tokenType,
      Instant expiresAt,
      String refreshToken,
      UserView user,
      SiteView currentSite,
      boolean passwordChangeRequired) {

    static SessionView of(SessionService.Tokens tokens, boolean passwordChangeRequired) {
      return new SessionView(
          tokens.access().token(),
          "Bearer",
          tokens.access().expiresAt(),
          tokens.refreshToken(),
          UserView.of(tokens.user(), tokens.sites()),
          SiteView.of(tokens.site()),
          passwordChangeRequired);
    }
  }
}
