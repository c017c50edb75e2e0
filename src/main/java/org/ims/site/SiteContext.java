package org.ims.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.CurrentRequest;

/**
 * Who is calling and at which site, for this request only. Established once per request from the
 * verified token (REST) or the web session (pages), after checking the caller's current membership
 * in the database, so a removed membership or a changed role takes effect at the next request.
 */
@RequestScoped
public class SiteContext {

  @Inject AuditLog audit;

  private Long userId;
  private String username;
  private Long siteId;
  private String siteName;
  private Role role;
  private UUID sessionId;
  private boolean passwordChangeRequired;
  private boolean globalAdmin;
  private boolean siteActive;
  private boolean system;

  /** Called by the authentication filters only. */
  public void establish(Membership membership, UUID sessionId, boolean passwordChangeRequired) {
    this.userId = membership.user().id();
    this.username = membership.user().username();
    this.siteId = membership.site().id();
    this.siteName = membership.site().name();
    this.role = membership.role();
    this.sessionId = sessionId;
    this.passwordChangeRequired = passwordChangeRequired;
    this.globalAdmin = membership.user().globalAdmin();
    this.siteActive = membership.site().active();
    CurrentRequest.identify(userId, siteId);
  }

  public boolean isEstablished() {
    return userId != null || system;
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

  /** Read from the database at this request, like the role: a revoked flag applies at once. */
  public boolean globalAdmin() {
    requireEstablished();
    return globalAdmin;
  }

  /** Refuses (403, audited) unless the caller is a global administrator. */
  public void requireGlobalAdmin(String what) {
    if (!globalAdmin()) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          actor(),
          Map.of("attempted", what, "required", "global administrator"));
      throw new ApiException(403, "FORBIDDEN", "Only global administrators may " + what + ".");
    }
  }

  /**
   * For work no person asked for (scheduled jobs): acts at one site, as nobody. Only ever called by
   * the system itself, never from a request.
   */
  public void establishForSystem(Long siteId) {
    this.system = true;
    this.username = "system";
    this.siteId = siteId;
    this.role = Role.ADMINISTRATOR;
    this.siteActive = true;
  }

  /**
   * Refuses (403, audited) unless the caller's role at the active site is at least {@code
   * required}.
   */
  public void require(Role required, String what) {
    // A deactivated site stays readable by its members; whatever needs more than VIEWER (every
    // change, and the administration of the site) waits until it is reactivated.
    if (!siteActive && required.atLeast(Role.EDITOR)) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          actor(),
          Map.of("attempted", what, "reason", "site deactivated"));
      throw new ApiException(
          403,
          "SITE_READ_ONLY",
          siteName + " is deactivated: its data can be read but not changed.");
    }
    if (!role().atLeast(required)) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          actor(),
          Map.of("attempted", what, "requiredRole", required.name(), "role", role.name()));
      throw new ApiException(
          403,
          "FORBIDDEN",
          "Your role at " + siteName + " (" + role + ") does not allow you to " + what + ".");
    }
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
