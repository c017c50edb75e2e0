package org.ims.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's data source, with every connection of the pool bound by the statement timeout
 * ({@link StatementTimeout}): a search, an export or any other statement that runs longer is
 * cancelled by the database, so no request holds a pooled connection for longer than that. Set on
 * the connection itself, so that it covers every transaction whatever starts it; Flyway migrates
 * through its own connections and is not bound.
 *
 * <p>A plain JDBC data source, so the same class works as the pool's driver on any server.
 */
public class BoundedDataSource extends PGSimpleDataSource {

  private static final long serialVersionUID = 1L;

  /** How much longer than a statement may run the socket waits for an answer at all. */
  private static final Duration SOCKET_GRACE = Duration.ofSeconds(15);

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    bound();
    return super.getConnection(user, password);
  }

  /**
   * Applied before each new connection, after the pool has set the properties it knows: set once in
   * a constructor, a later setter for the URL could reset it.
   */
  private void bound() {
    Duration timeout = StatementTimeout.configured();
    setOptions("-c statement_timeout=" + timeout.toMillis());
    // A database that stops answering altogether (a network partition) cancels nothing: the
    // socket gives up a little after the statement would have been cancelled. Zero is no limit.
    setSocketTimeout(timeout.isZero() ? 0 : (int) timeout.plus(SOCKET_GRACE).toSeconds());
  }
}
