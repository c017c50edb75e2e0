package org.ims.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.CurrentRequest;
import org.ims.platform.InputValidator;
import org.ims.platform.Text;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.user.PasswordHasher;
import org.ims.user.User;
import org.ims.user.UserDirectory;

/**
 * Checks a username and password, for the pages and the REST API alike: one identity store, one
 * password check, one lockout counter. Every attempt is recorded and audited.
 */
@Stateless
public class LoginService {

  @PersistenceContext EntityManager em;
  @Inject UserDirectory users;
  @Inject MembershipService memberships;
  @Inject PasswordHasher hasher;
  @Inject AuthSettings settings;
  @Inject LoginRateLimiter rateLimiter;
  @Inject AuditLog audit;
  @Inject LoginMetrics metrics;
  @Inject InputValidator validator;

  /** What a login form or request carries. */
  public record Credentials(
      @Text(required = true, max = 100, message = "Enter your username.") String username,
      @NotBlank(message = "Enter your password.")
          @Size(max = 1000, message = "Use at most 1000 characters.")
          String password) {}

  /** Refuses (400) credentials that cannot be checked; any other outcome is the result. */
  public LoginResult login(Credentials credentials) {
    validator.require(credentials, "Enter your username and password.");
    String username = credentials.username();
    char[] password = credentials.password().toCharArray();
    rateLimiter.checkUsername(username);
    Instant now = Instant.now();
    Optional<User> found = users.findForLogin(username);
    if (found.isEmpty()) {
      hasher.spendTimeOfACheck(password);
      return refuse(username, null, "UNKNOWN_USER", new LoginResult.InvalidCredentials());
    }
    User user = found.get();
    if (user.isLockedAt(now)) {
      record(username, user, false, "LOCKED");
      metrics.failed("LOCKED");
      audit.securityEvent(
          AuditAction.LOGIN_REFUSED_LOCKED,
          actor(user, username),
          Map.of("lockedUntil", user.lockedUntil().toString()));
      return new LoginResult.Locked(user.lockedUntil());
    }
    if (!hasher.matches(password, user.passwordHash()) || !user.active()) {
      boolean lockedNow =
          user.recordFailedLogin(now, settings.maxFailedAttempts(), settings.lockDuration());
      LoginResult result =
          refuse(
              username,
              user,
              user.active() ? "BAD_PASSWORD" : "INACTIVE_USER",
              new LoginResult.InvalidCredentials());
      if (lockedNow) {
        metrics.locked();
        audit.securityEvent(
            AuditAction.ACCOUNT_LOCKED,
            actor(user, username),
            Map.of("lockedUntil", user.lockedUntil().toString()));
        return new LoginResult.Locked(user.lockedUntil());
      }
      return result;
    }
    List<Membership> sites = memberships.activeMemberships(user.id());
    if (sites.isEmpty()) {
      return refuse(username, user, "NO_ACTIVE_SITE", new LoginResult.NoActiveSite());
    }
    user.recordSuccessfulLogin(now);
    record(username, user, true, null);
    metrics.succeeded();
    Membership site = MembershipService.startingSite(sites);
    // The login's own log lines, its access-log line among them, name who signed in.
    CurrentRequest.identify(user.id(), site.site().id());
    audit.securityEvent(
        AuditAction.LOGIN_SUCCEEDED, Actor.of(user.id(), user.username(), site.site().id()), null);
    return new LoginResult.Success(
        user, site, sites, user.passwordChangeRequired(now, settings.passwordMaxAge()));
  }

  private LoginResult refuse(String username, User user, String reason, LoginResult result) {
    record(username, user, false, reason);
    metrics.failed(reason);
    audit.securityEvent(AuditAction.LOGIN_FAILED, actor(user, username), Map.of("reason", reason));
    return result;
  }

  private void record(String username, User user, boolean success, String reason) {
    em.persist(
        new LoginAttempt(
            username,
            user == null ? null : user.id(),
            CurrentRequest.clientAddress(),
            success,
            reason));
  }

  private static Actor actor(User user, String username) {
    String name = username.length() > 50 ? username.substring(0, 50) : username;
    return Actor.of(user == null ? null : user.id(), user == null ? name : user.username(), null);
  }
}
