package org.ims.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real PostgreSQL server running from the embedded binaries, with its data in a folder that
 * survives restarts, and the two roles the application expects: the schema owner (used by Flyway)
 * and the application role (owns nothing, so row-level security applies to it).
 *
 * <p>The passwords are fixed development values: the server listens on loopback only and holds demo
 * data. Production databases are prepared as docs/deployment.md describes.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "ims";
  public static final String OWNER = "ims_owner";
  public static final String OWNER_PASSWORD = "ims_owner_dev";
  public static final String APP = "ims_app";
  public static final String APP_PASSWORD = "ims_app_dev";

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  private final boolean durable;
  private final Map<String, String> settings = new LinkedHashMap<>();

  /**
   * @param durable whether commits must survive a crash (the development data folder); test
   *     databases are thrown away and trade that for speed.
   */
  public EmbeddedDatabase(Path dataDirectory, int port, boolean durable) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.durable = durable;
  }

  /** A server setting (postgresql.conf) for the next start, e.g. memory for a large data set. */
  public EmbeddedDatabase with(String setting, String value) {
    settings.put(setting, value);
    return this;
  }

  /** Starts the server (initialising the folder on first use) and makes sure the roles exist. */
  public EmbeddedDatabase start() {
    try {
      Files.createDirectories(dataDirectory);
      stopOrphanedServer();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "100")
              .setServerConfig("fsync", durable ? "on" : "off")
              .setServerConfig("synchronous_commit", durable ? "on" : "off")
              .setPGStartupWait(Duration.ofSeconds(60));
      settings.forEach(builder::setServerConfig);
      postgres = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
    }
    createRolesAndDatabase();
    return this;
  }

  /** Stops the server and keeps its data. */
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  public int port() {
    return port;
  }

  /** The cluster's data directory (what a base backup copies). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public Connection connectAsOwner() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), OWNER, OWNER_PASSWORD);
  }

  public Connection connectAsApp() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), APP, APP_PASSWORD);
  }

  /** The superuser, which row-level security does not bind: for loading benchmark data. */
  public Connection connectAsSuperuser() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  private void createRolesAndDatabase() {
    String superUserUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(superUserUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(createRoleIfMissing(OWNER, OWNER_PASSWORD));
      s.execute(createRoleIfMissing(APP, APP_PASSWORD));
      boolean exists;
      try (var rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
    try (Connection c = connectAsSuperuser();
        Statement s = c.createStatement()) {
      s.execute(FULL_TEXT_UNDER_ROW_SECURITY);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
  }

  /**
   * The superuser step of the production set-up (docs/deployment.md): under row-level security
   * PostgreSQL only uses an index for a condition whose operator is LEAKPROOF, and the full-text
   * match is not marked so; without it every search for a rare word reads all of a site's rows.
   */
  public static final String FULL_TEXT_UNDER_ROW_SECURITY =
      "ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF";

  private static String createRoleIfMissing(String role, String password) {
    return "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
        + role
        + "') THEN CREATE ROLE "
        + role
        + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD '"
        + password
        + "'; END IF; END $$";
  }

  /**
   * A launcher killed with -9 leaves its PostgreSQL running on the folder; stop that one (fast
   * shutdown) so that this start can take the folder over.
   */
  private void stopOrphanedServer() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> orphan =
        Files.readAllLines(pidFile).stream()
            .findFirst()
            .map(String::trim)
            .filter(line -> line.matches("\\d+"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(ProcessHandle::isAlive);
    if (orphan.isPresent()) {
      System.out.println("Stopping a PostgreSQL left running by an earlier launch...");
      Processes.terminate(orphan.get(), Duration.ofSeconds(30));
    }
  }
}
