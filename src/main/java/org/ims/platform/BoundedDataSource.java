package org.ims.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's data source, with every connection of the pool bound by the statement timeout
 * ({@code ims.db.statement-timeout}, see {@link StatementTimeout}): a search, an export or any
 * other statement that runs longer is cancelled by the database, so no request holds a pooled
 * connection for longer than that. Set on the connection itself, so that it covers every
 * transaction whatever starts it; Flyway migrates through its own connections and is not bound.
 *
 * <p>A plain JDBC data source, so the same class works as the pool's driver on any server. Where to
 * connect and as whom come from MicroProfile Config ({@code db.url}, {@code db.user}, {@code
 * db.password}) when the pool names no user: the data source definition needs no server-specific
 * syntax.
 *
 * <p>Self-contained on purpose (MicroProfile Config and the JDBC driver only): Open Liberty loads
 * the class of an application-defined data source from a shared library, not from the WAR, so the
 * build also packages this one class as {@code target/ims-datasource.jar} for Liberty's {@code
 * lib/} folder (docs/deployment.md).
 */
public class BoundedDataSource extends PGSimpleDataSource {

  private static final long serialVersionUID = 1L;

  /** How much longer than a statement may run the socket waits for an answer at all. */
  private static final Duration SOCKET_GRACE = Duration.ofSeconds(15);

  /** The URL last applied, so that it is parsed again only when the configuration changes. */
  private transient volatile String configuredUrl;

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Config config = config();
    connectTo(config);
    bound(config);
    if (user == null || user.isEmpty()) {
      user = config.getValue("db.user", String.class);
      password = config.getOptionalValue("db.password", String.class).orElse(null);
    }
    return super.getConnection(user, password);
  }

  /**
   * The application's configuration. Where this class was loaded with the WAR (Payara) that is its
   * own class loader's; where a server loaded it from a shared library (Liberty), the library
   * cannot see the WAR's defaults, and the connection is opened for the application, whose class
   * loader is the thread's.
   */
  private static Config config() {
    ClassLoader own = BoundedDataSource.class.getClassLoader();
    if (own != null && own.getResource("META-INF/microprofile-config.properties") != null) {
      return ConfigProvider.getConfig(own);
    }
    ClassLoader thread = Thread.currentThread().getContextClassLoader();
    return ConfigProvider.getConfig(thread != null ? thread : own);
  }

  /** The database from {@code db.url} (environment {@code DB_URL}). */
  private void connectTo(Config config) {
    String url = config.getValue("db.url", String.class);
    if (!url.equals(configuredUrl)) {
      setURL(url);
      configuredUrl = url;
    }
  }

  /**
   * Applied before each new connection, after the pool has set the properties it knows: set once in
   * a constructor, a later setter for the URL could reset it.
   */
  private void bound(Config config) {
    Duration timeout = Duration.parse(config.getValue("ims.db.statement-timeout", String.class));
    setOptions("-c statement_timeout=" + timeout.toMillis());
    // The name the pool's metrics look for (DatabasePoolMetrics); set here as well as in the
    // definition's properties, which not every server passes on under that spelling.
    setApplicationName("ims");
    // A database that stops answering altogether (a network partition) cancels nothing: the
    // socket gives up a little after the statement would have been cancelled. Zero is no limit.
    setSocketTimeout(timeout.isZero() ? 0 : (int) timeout.plus(SOCKET_GRACE).toSeconds());
  }
}
