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
import org.ims.platform.ErrorCode;

/**
 * Who is calling and at which site, for this request only: the one place the active site is named.
 * Established once per request from the verified token (REST) or the web session (pages), after
 * checking the caller's current membership in the database, so a removed membership or a changed
 * role takes effect at the next request. It also holds the rules that follow from it: what the
 * caller's role allows ({@link #can}, {@link #require}), and the audited refusals of ids that are
 * not at this site ({@link #notFound}, {@link #requireActiveSite}).
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

  /** The caller as authentication found them: their account and the active site's membership. */
  public record Caller(
      Long userId,
      String username,
      boolean globalAdmin,
      UUID sessionId,
      boolean passwordChangeRequired) {}

  /** The caller's membership of the active site, as authentication read it: site and role. */
  public record Access(Long siteId, String siteName, boolean siteActive, Role role) {

    public static Access of(Membership membership) {
      return new Access(
          membership.site().id(),
          membership.site().name(),
          membership.site().active(),
          membership.role());
    }
  }

  /** The same, from a loaded membership (in-container tests). */
  public void establish(Caller caller, Membership membership) {
    establish(caller, Access.of(membership));
  }

  /** Called by the authentication filters only. */
  public void establish(Caller caller, Access access) {
    this.userId = caller.userId();
    this.username = caller.username();
    this.sessionId = caller.sessionId();
    this.passwordChangeRequired = caller.passwordChangeRequired();
    this.globalAdmin = caller.globalAdmin();
    this.siteId = access.siteId();
    this.siteName = access.siteName();
    this.siteActive = access.siteActive();
    this.role = access.role();
    CurrentRequest.identify(userId, siteId);
  }

  /**
   * For the first start of an empty installation only ({@code org.ims.user.FirstStart}): the new
   * global administrator, who belongs to no site yet, creating the first one. No site is active.
   */
  public void establishWithoutSite(Caller caller) {
    this.userId = caller.userId();
    this.username = caller.username();
    this.sessionId = caller.sessionId();
    this.passwordChangeRequired = caller.passwordChangeRequired();
    this.globalAdmin = caller.globalAdmin();
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

  public Actor actor() {
    return isEstablished() ? Actor.of(userId, username, siteId) : Actor.of(null, null, null);
  }

  /**
   * Whether the caller's role at the active site allows what needs {@code required}: pages ask it
   * to offer a button, services through {@link #require} to allow the action. A deactivated site
   * stays readable by its members; whatever needs more than VIEWER (every change, and the
   * administration of the site) waits until it is reactivated.
   */
  public boolean can(Role required) {
    return role().atLeast(required) && (siteActive || !required.atLeast(Role.EDITOR));
  }

  /** Refuses (403, audited) unless {@link #can} allows {@code required}; says what was refused. */
  public void require(Role required, String what) {
    if (can(required)) {
      return;
    }
    if (!siteActive && required.atLeast(Role.EDITOR)) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          actor(),
          Map.of("attempted", what, "reason", "site deactivated"));
      throw new ApiException(
          ErrorCode.SITE_READ_ONLY,
          siteName + " is deactivated: its data can be read but not changed.");
    }
    audit.securityEvent(
        AuditAction.ACCESS_DENIED,
        actor(),
        Map.of("attempted", what, "requiredRole", required.name(), "role", role.name()));
    throw new ApiException(
        ErrorCode.FORBIDDEN,
        "Your role at " + siteName + " (" + role + ") does not allow you to " + what + ".");
  }

  /** Refuses (403, audited) unless the caller is a global administrator. */
  public void requireGlobalAdmin(String what) {
    if (!globalAdmin()) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          actor(),
          Map.of("attempted", what, "required", "global administrator"));
      throw new ApiException(ErrorCode.FORBIDDEN, "Only global administrators may " + what + ".");
    }
  }

  /**
   * The refusal of an id that is not at the active site (or not at all): 404, and a security event.
   * The database does not say whether the id exists at another site (that is the point of row-level
   * security), so every miss by id is recorded: probing ids shows in the audit log.
   */
  public ApiException notFound(String entity, Object id, String message) {
    audit.securityEvent(AuditAction.NOT_FOUND_BY_ID, actor(), Map.of("entity", entity, "id", id));
    return new ApiException(ErrorCode.NOT_FOUND, message);
  }

  /**
   * For addresses that name the site ({@code /sites/{siteId}/users}, see {@link ActiveSitePath}):
   * they may only name the active site; any other answers 404 like another site's ids do.
   */
  public void requireActiveSite(long pathSiteId) {
    if (pathSiteId != siteId()) {
      throw notFound("Site", pathSiteId, "Site " + pathSiteId + " is not your active site.");
    }
  }

  private void requireEstablished() {
    if (!isEstablished()) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "Authentication is required.");
    }
  }
}
