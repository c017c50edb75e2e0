package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ims.auth.AuthViews.MeView;
import org.ims.auth.AuthViews.SessionView;
import org.ims.auth.AuthViews.SiteView;
import org.ims.auth.AuthViews.UserView;
import org.ims.platform.ApiException;
import org.ims.platform.ApiResponse;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.JsonBody;
import org.ims.platform.RequestBodies;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;
import org.ims.user.UserDirectory;

/** Login, tokens, the caller's sites and site switching. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class AuthResource {

  // Request bodies describe the JSON's shape (public fields of classes, which Payara's OpenAPI
  // generator reads); the services validate what they carry.

  /** Credentials. */
  public static class LoginRequest implements JsonBody {
    public String username;

    public String password;
  }

  /** A refresh token to trade. */
  public static class RefreshRequest implements JsonBody {
    public String refreshToken;
  }

  /** A site, by id. */
  public static class SiteRequest implements JsonBody {
    public Long siteId;
  }

  /** The current password and the new one. */
  public static class PasswordChangeRequest implements JsonBody {
    public String currentPassword;

    public String newPassword;
  }

  @Inject LoginService logins;
  @Inject SessionService sessions;
  @Inject MembershipService memberships;
  @Inject PasswordService passwords;
  @Inject SiteContext context;
  @Inject SiteSelection siteSelection;
  @Inject UserDirectory users;

  @POST
  @Path("/login")
  @PublicEndpoint
  public ApiResponse<SessionView> login(LoginRequest body) {
    RequestBodies.required(body);
    LoginResult result = logins.login(new LoginService.Credentials(body.username, body.password));
    if (result instanceof LoginResult.Success success) {
      return ApiResponse.of(
          SessionView.of(
              sessions.openApiSession(success.user(), success.site(), success.sites()),
              success.passwordChangeRequired()));
    }
    if (result instanceof LoginResult.Locked locked) {
      throw lockedError(locked.until());
    }
    if (result instanceof LoginResult.NoActiveSite) {
      throw new ApiException(
          ErrorCode.NO_ACTIVE_SITE, "None of your sites is active. Contact your administrator.");
    }
    throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid username or password.");
  }

  @POST
  @Path("/refresh")
  @PublicEndpoint
  public ApiResponse<SessionView> refresh(RefreshRequest body) {
    RequestBodies.required(body);
    SessionService.Tokens tokens =
        sessions
            .refresh(body.refreshToken)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.INVALID_REFRESH_TOKEN,
                        "This refresh token is not valid any more. Log in again."));
    return ApiResponse.of(SessionView.of(tokens, false));
  }

  @GET
  @Path("/me")
  @AllowedDuringPasswordChange
  public ApiResponse<MeView> me() {
    List<Membership> sites = memberships.activeMemberships(context.userId());
    Membership current = find(sites, context.siteId());
    return ApiResponse.of(
        new MeView(
            UserView.of(users.find(context.userId()).orElseThrow(), sites),
            SiteView.of(current),
            context.passwordChangeRequired()));
  }

  @GET
  @Path("/sites")
  public ApiResponse<List<SiteView>> sites() {
    return ApiResponse.of(
        memberships.activeMemberships(context.userId()).stream().map(SiteView::of).toList());
  }

  @POST
  @Path("/site")
  public ApiResponse<SessionView> switchSite(SiteRequest body) {
    RequestBodies.required(body);
    Membership target = siteSelection.switchTo(context.actor(), context.siteId(), body.siteId);
    SessionService.Tokens tokens =
        sessions.switchSite(
            context.sessionId(),
            users.find(context.userId()).orElseThrow(),
            target,
            memberships.activeMemberships(context.userId()));
    return ApiResponse.of(SessionView.of(tokens, context.passwordChangeRequired()));
  }

  @POST
  @Path("/default-site")
  public ApiResponse<List<SiteView>> defaultSite(SiteRequest body) {
    RequestBodies.required(body);
    siteSelection.makeDefault(context.actor(), body.siteId);
    return sites();
  }

  @POST
  @Path("/logout")
  @AllowedDuringPasswordChange
  public void logout() {
    sessions.logout(context.sessionId(), context.actor());
  }

  @POST
  @Path("/password")
  @AllowedDuringPasswordChange
  public void changePassword(PasswordChangeRequest body) {
    RequestBodies.required(body);
    passwords.changeOwnPassword(
        new PasswordService.PasswordChange(body.currentPassword, body.newPassword));
  }

  private static Membership find(List<Membership> sites, Long siteId) {
    return sites.stream().filter(m -> m.site().id().equals(siteId)).findFirst().orElseThrow();
  }

  static ApiException lockedError(Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
    return new ApiException(
            ErrorCode.ACCOUNT_LOCKED,
            "This account is locked after too many failed attempts. It unlocks at " + until + ".",
            List.of(new FieldError("lockedUntil", until.toString())))
        .withHeader("Retry-After", Long.toString(seconds));
  }
}
