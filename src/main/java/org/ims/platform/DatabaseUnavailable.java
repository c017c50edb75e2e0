package org.ims.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Recognises a failure that means "the database cannot be reached now", whoever reports it (the
 * JDBC driver, the server's pool, Hibernate): the answer is then 503 with Retry-After, which a
 * client may retry, not a 500.
 */
public final class DatabaseUnavailable {

  /** Seconds a client is told to wait: about how long a database restart or failover takes. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

  private DatabaseUnavailable() {}

  /**
   * The one answer of the API and the pages to a database that could not serve the request now:
   * unreachable, or a statement it cancelled at {@link StatementTimeout}. Both are 503 with
   * Retry-After and logged as warnings (expected in operation, no stack trace); empty for any other
   * failure.
   */
  public static Optional<ApiException> refusalFor(Throwable failure, String requestId) {
    if (isCause(failure)) {
      LOG.warning(() -> "Database unavailable, requestId=" + requestId);
      return Optional.of(refusal());
    }
    if (StatementTimeout.isCause(failure)) {
      LOG.warning(() -> "A statement ran into the statement timeout, requestId=" + requestId);
      return Optional.of(StatementTimeout.refusal());
    }
    return Optional.empty();
  }

  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
        return true;
      }
      // The server's connection pool reports an exhausted or unreachable database as a
      // connector ResourceException (Jakarta Connectors), with no SQL state of its own.
      if (t.getClass().getName().endsWith(".ResourceException")
          || t.getClass().getName().endsWith(".PoolingException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQL states of a connection that failed or a server going away: class 08 (connection exception)
   * and 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now).
   */
  private static boolean connectionLost(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }

  /** The refusal clients get, the same from the API and the pages. */
  public static ApiException refusal() {
    return new ApiException(
            ErrorCode.SERVICE_UNAVAILABLE,
            "The database cannot be reached just now. Try again in a few seconds.")
        .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }
}
