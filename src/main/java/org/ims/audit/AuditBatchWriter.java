package org.ims.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.ims.platform.Database;

/**
 * Writes queued audit entries ({@link DeferredAuditLog}) in one statement: the rows travel as one
 * array per column and {@code unnest} turns them back into rows, so a batch costs one round trip
 * and one commit, and the chaining trigger appends all of them to the one chain the transaction
 * holds.
 */
@Stateless
public class AuditBatchWriter {

  private static final String INSERT =
      "INSERT INTO audit_log (occurred_at, user_id, username, site_id, action, ip_address,"
          + " request_id, details)"
          + " SELECT * FROM unnest(?::text[]::timestamptz[], ?::bigint[], ?::text[], ?::bigint[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[]::jsonb[])";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void write(List<DeferredAuditLog.Pending> entries) {
    int n = entries.size();
    String[] times = new String[n];
    Long[] users = new Long[n];
    String[] usernames = new String[n];
    Long[] sites = new Long[n];
    String[] actions = new String[n];
    String[] addresses = new String[n];
    String[] requests = new String[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      DeferredAuditLog.Pending e = entries.get(i);
      times[i] = e.occurredAt().toString();
      users[i] = e.actor().userId();
      usernames[i] = e.actor().username();
      sites[i] = e.actor().siteId();
      actions[i] = e.action().name();
      addresses[i] = e.actor().ipAddress();
      requests[i] = e.actor().requestId();
      details[i] = e.details();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert.setArray(1, c.createArrayOf("text", times));
      insert.setArray(2, c.createArrayOf("bigint", users));
      insert.setArray(3, c.createArrayOf("text", usernames));
      insert.setArray(4, c.createArrayOf("bigint", sites));
      insert.setArray(5, c.createArrayOf("text", actions));
      insert.setArray(6, c.createArrayOf("text", addresses));
      insert.setArray(7, c.createArrayOf("text", requests));
      insert.setArray(8, c.createArrayOf("text", details));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write " + n + " audit entries", e);
    }
  }
}
