package org.ims.site;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.ims.audit.Actor;
import org.ims.platform.ApiException;

/**
 * Who is calling and at which site, for this request only. Established once per request from the
 * verified token (REST) or the web session (pages), after checking the caller's current membership
 * in the database, so a removed membership or a changed role takes effect at the next request.
 */
@RequestScoped
public class SiteContext {

  private Long userId;
  private String username;
  private Long siteId;
  private String siteName;
  private Role role;
  private UUID sessionId;
  private boolean passwordChangeRequired;

  /** Called by the authentication filters only. */
  public void establish(Membership membership, UUID sessionId, boolean passwordChangeRequired) {
    this.userId = membership.user().id();
    this.username = membership.user().username();
    this.siteId = membership.site().id();
    this.siteName = membership.site().name();
    this.role = membership.role();
    this.sessionId = sessionId;
    this.passwordChangeRequired = passwordChangeRequired;
  }

  public boolean isEstablished() {
    return userId != null;
  }

  public Long userId() {
    requireEstablished();
    return userId;
  }

  public String username() {
    requireEstablished();
    return username;
  }

  public Long siteId() {
    requireEstablished();
    return siteId;
  }

  public String siteName() {
    requireEstablished();
    return siteName;
  }

  public Role role() {
    requireEstablished();
    return role;
  }

  public UUID sessionId() {
    requireEstablished();
    return sessionId;
  }

  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  public Actor actor() {
    return isEstablished() ? Actor.of(userId, username, siteId) : Actor.of(null, null, null);
  }

  private void requireEstablished() {
    if (!isEstablished()) {
      throw new ApiException(401, "UNAUTHORIZED", "Authentication is required.");
    }
  }
}
