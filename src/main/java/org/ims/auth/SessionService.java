package org.ims.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.CurrentRequest;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.user.User;
import org.ims.user.UserDirectory;

/**
 * Sessions and their tokens: opening one at login, rotating refresh tokens (a reused one revokes
 * the whole session), re-issuing tokens for another site, and revoking at logout.
 */
@Stateless
public class SessionService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject AuthSettings settings;
  @Inject TokenIssuer tokens;
  @Inject MembershipService memberships;
  @Inject UserDirectory users;
  @Inject AuditLog audit;

  /** What a client holds after login, refresh or a site switch. */
  public record Tokens(
      TokenIssuer.AccessToken access,
      String refreshToken,
      User user,
      Membership site,
      List<Membership> sites) {}

  public Tokens openApiSession(User user, Membership site, List<Membership> sites) {
    Instant now = Instant.now();
    AuthSession session = open(user, AuthSession.Channel.API, now, settings.refreshTokenLifetime());
    return issue(session, user, site, sites, now);
  }

  public UUID openWebSession(User user) {
    return open(user, AuthSession.Channel.WEB, Instant.now(), settings.webSessionLifetime()).id();
  }

  private AuthSession open(User user, AuthSession.Channel channel, Instant now, Duration lifetime) {
    AuthSession session =
        new AuthSession(
            user.id(), channel, now, now.plus(lifetime), CurrentRequest.clientAddress());
    em.persist(session);
    return session;
  }

  /**
   * Trades a refresh token for new tokens, once. Empty when the token is unknown, expired, of an
   * ended session, or already used; in that last case it was copied, and the session is revoked.
   */
  public Optional<Tokens> refresh(String rawToken) {
    if (rawToken == null || rawToken.isBlank()) {
      throw ApiException.invalid(
          "The refresh token is required.", "refreshToken", "The refresh token is required.");
    }
    RefreshToken token =
        em.find(RefreshToken.class, sha256(rawToken), LockModeType.PESSIMISTIC_WRITE);
    if (token == null) {
      return Optional.empty();
    }
    AuthSession session = token.session();
    Instant now = Instant.now();
    if (token.used()) {
      session.revoke(now, "REFRESH_TOKEN_REUSED");
      audit.securityEvent(
          AuditAction.REFRESH_TOKEN_REUSED,
          Actor.of(session.userId(), null, token.siteId()),
          Map.of("session", session.id().toString()));
      return Optional.empty();
    }
    if (!session.isActiveAt(now) || token.expiredAt(now)) {
      return Optional.empty();
    }
    token.markUsed(now);
    List<Membership> sites = memberships.activeMemberships(session.userId());
    User user = users.find(session.userId()).filter(User::active).orElse(null);
    if (sites.isEmpty() || user == null) {
      session.revoke(now, "NO_ACCESS");
      return Optional.empty();
    }
    Membership site =
        sites.stream()
            .filter(m -> m.site().id().equals(token.siteId()))
            .findFirst()
            .orElse(MembershipService.startingSite(sites));
    return Optional.of(issue(session, user, site, sites, now));
  }

  /**
   * New tokens of the same session for another site. Earlier refresh tokens of the session are
   * retired: only the newest may be used.
   */
  public Tokens switchSite(UUID sessionId, User user, Membership site, List<Membership> sites) {
    Instant now = Instant.now();
    em.createQuery(
            "UPDATE RefreshToken t SET t.usedAt = :now"
                + " WHERE t.session.id = :session AND t.usedAt IS NULL")
        .setParameter("now", now)
        .setParameter("session", sessionId)
        .executeUpdate();
    return issue(em.find(AuthSession.class, sessionId), user, site, sites, now);
  }

  public void logout(UUID sessionId, Actor actor) {
    revoke(sessionId, "LOGOUT");
    audit.securityEvent(AuditAction.LOGOUT, actor, null);
  }

  public void revoke(UUID sessionId, String reason) {
    AuthSession session = em.find(AuthSession.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (session != null) {
      session.revoke(Instant.now(), reason);
    }
  }

  /** Ends every open session of a user, e.g. when an administrator resets their password. */
  public int revokeAllOf(Long userId, String reason) {
    return em.createQuery(
            "UPDATE AuthSession s SET s.revokedAt = :now, s.revokedReason = :reason"
                + " WHERE s.userId = :user AND s.revokedAt IS NULL")
        .setParameter("now", Instant.now())
        .setParameter("reason", reason)
        .setParameter("user", userId)
        .executeUpdate();
  }

  private Tokens issue(
      AuthSession session, User user, Membership site, List<Membership> sites, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt = now.plus(settings.refreshTokenLifetime());
    if (expiresAt.isAfter(session.expiresAt())) {
      expiresAt = session.expiresAt();
    }
    em.persist(new RefreshToken(sha256(raw), session, site.site().id(), now, expiresAt));
    List<Long> siteIds = sites.stream().map(m -> m.site().id()).toList();
    return new Tokens(tokens.issue(user, site, siteIds, session.id()), raw, user, site, sites);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
