package org.ims.platform;

import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The bound on every statement of the application's connections ({@code ims.db.statement-timeout}):
 * PostgreSQL cancels a statement that runs longer, the transaction rolls back and its pooled
 * connection is free again. The caller is told so with {@code SERVICE_UNAVAILABLE} and {@code
 * Retry-After}: nothing was changed, and the same request may well succeed once the database is
 * less busy, or narrowed down.
 */
public final class StatementTimeout {

  /**
   * PostgreSQL's SQLSTATE of a cancelled statement (query_canceled): by the timeout, or an admin.
   */
  private static final String QUERY_CANCELED = "57014";

  /** Seconds a client should wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;

  private StatementTimeout() {}

  /** The configured bound, read from MicroProfile Config where no injection reaches. */
  public static Duration configured() {
    return Duration.parse(
        ConfigProvider.getConfig(StatementTimeout.class.getClassLoader())
            .getValue("ims.db.statement-timeout", String.class));
  }

  /** Whether {@code failure} is, or was caused by, a statement that the database cancelled. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (QUERY_CANCELED.equals(e.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The refusal of work that the statement timeout stopped; {@code message} says what to do. */
  public static ApiException refusal(String message) {
    return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, message)
        .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }

  /** The refusal of any request other than a search, whose statement took too long. */
  static ApiException refusal() {
    return refusal(
        "The database took too long to answer and the request was stopped; nothing was changed."
            + " Try again in a moment.");
  }
}
