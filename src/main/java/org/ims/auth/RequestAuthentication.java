package org.ims.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.user.User;
import org.ims.user.UserDirectory;

/**
 * Turns a proven identity (a verified token or a web session) into the request's {@link
 * SiteContext}, after checking against the database that the session is still open and that the
 * user is still an active member of the site: a logout, a removed membership or a changed role take
 * effect at the next request, whatever the token says.
 */
@Stateless
public class RequestAuthentication {

  @Inject SessionService sessions;
  @Inject MembershipService memberships;
  @Inject UserDirectory users;
  @Inject AuthSettings settings;
  @Inject SiteContext context;
  @Inject AuditLog audit;

  public void establish(Long userId, UUID sessionId, Long siteId) {
    if (!sessions.isActive(sessionId, userId)) {
      throw new ApiException(ErrorCode.SESSION_ENDED, "This session has ended. Log in again.");
    }
    Optional<Membership> membership = memberships.membership(userId, siteId);
    if (membership.isEmpty()) {
      audit.securityEvent(
          AuditAction.SITE_ACCESS_DENIED,
          Actor.of(userId, null, siteId),
          Map.of("reason", "membership no longer active"));
      throw new ApiException(
          ErrorCode.SITE_ACCESS_REVOKED, "You no longer have access to this site. Choose another.");
    }
    User user = users.find(userId).filter(User::active).orElse(null);
    if (user == null) {
      throw new ApiException(ErrorCode.SESSION_ENDED, "This account has been deactivated.");
    }
    context.establish(
        new SiteContext.Caller(
            user.id(),
            user.username(),
            user.globalAdmin(),
            sessionId,
            user.passwordChangeRequired(Instant.now(), settings.passwordMaxAge())),
        membership.get());
  }
}
