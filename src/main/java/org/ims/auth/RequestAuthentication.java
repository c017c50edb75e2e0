package org.ims.auth;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.Database;
import org.ims.platform.ErrorCode;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.user.User;

/**
 * Turns a proven identity (a verified token or a web session) into the request's {@link
 * SiteContext}, after checking against the database that the session is still open and that the
 * user is still an active member of the site: a logout, a removed membership or a changed role take
 * effect at the next request, whatever the token says.
 *
 * <p>Runs on every request, so it is one statement, read-only, outside any transaction: the
 * session, the account, the membership and its site in one snapshot, only the columns the checks
 * need (no entity loaded, no password hash read, nothing to flush or commit), judged by the rules
 * the entities use ({@link AuthSession#isOpen}, {@link User#passwordChangeRequired}).
 */
@Stateless
public class RequestAuthentication {

  /** One row when the session exists and is the user's; membership columns null when none. */
  static final String CALLER_SQL =
      "SELECT s.revoked_at IS NULL, s.expires_at,"
          + " u.username, u.is_active, u.global_admin, u.must_change_password,"
          + " u.password_changed_at, m.role, st.name, st.is_active"
          + " FROM auth_sessions s"
          + " LEFT JOIN users u ON u.id = s.user_id"
          + " LEFT JOIN user_site m ON m.user_id = s.user_id AND m.site_id = ?"
          + " LEFT JOIN sites st ON st.id = m.site_id"
          + " WHERE s.id = ? AND s.user_id = ?";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Inject AuthSettings settings;
  @Inject SiteContext context;
  @Inject AuditLog audit;

  /** What {@link #CALLER_SQL} read. */
  private record Found(
      boolean sessionOpen,
      String username,
      boolean active,
      boolean globalAdmin,
      boolean passwordChangeRequired,
      SiteContext.Access access) {}

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void establish(Long userId, UUID sessionId, Long siteId) {
    Found found = read(userId, sessionId, siteId);
    if (found == null || !found.sessionOpen()) {
      throw new ApiException(ErrorCode.SESSION_ENDED, "This session has ended. Log in again.");
    }
    if (found.access() == null) {
      audit.securityEvent(
          AuditAction.SITE_ACCESS_DENIED,
          Actor.of(userId, null, siteId),
          Map.of("reason", "membership no longer active"));
      throw new ApiException(
          ErrorCode.SITE_ACCESS_REVOKED, "You no longer have access to this site. Choose another.");
    }
    if (!found.active()) {
      throw new ApiException(ErrorCode.SESSION_ENDED, "This account has been deactivated.");
    }
    context.establish(
        new SiteContext.Caller(
            userId,
            found.username(),
            found.globalAdmin(),
            sessionId,
            found.passwordChangeRequired()),
        found.access());
  }

  /** The caller's row, or null when the session does not exist or is another user's. */
  private Found read(Long userId, UUID sessionId, Long siteId) {
    Instant now = Instant.now();
    try (Connection c = database.getConnection();
        PreparedStatement statement = c.prepareStatement(CALLER_SQL)) {
      if (!c.getAutoCommit()) {
        // Outside a transaction the statement must not open one on a pooled connection.
        c.setAutoCommit(true);
      }
      statement.setLong(1, siteId);
      statement.setObject(2, sessionId);
      statement.setLong(3, userId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        boolean sessionOpen =
            AuthSession.isOpen(
                !row.getBoolean(1), row.getObject(2, OffsetDateTime.class).toInstant(), now);
        String username = row.getString(3);
        boolean active = username != null && row.getBoolean(4);
        boolean passwordChangeRequired =
            username != null
                && User.passwordChangeRequired(
                    row.getBoolean(6),
                    row.getObject(7, OffsetDateTime.class).toInstant(),
                    now,
                    settings.passwordMaxAge());
        String role = row.getString(8);
        SiteContext.Access access =
            role == null
                ? null
                : new SiteContext.Access(
                    siteId, row.getString(9), row.getBoolean(10), Role.valueOf(role));
        return new Found(
            sessionOpen, username, active, row.getBoolean(5), passwordChangeRequired, access);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the caller's session and membership", e);
    }
  }
}
