package org.ims.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.ims.devserver.DevKeys;
import org.ims.devserver.EmbeddedDatabase;
import org.ims.devserver.PayaraMicroServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a fresh PostgreSQL (demo data loaded by the application's own migrations) and one Payara
 * Micro running the built WAR, once for the whole integration-test run, and stops both at the end.
 *
 * <p>Active only where the build says which WAR to test ({@code -Dims.war}, set by failsafe), so
 * unit tests start nothing. Arquillian test classes boot their own Payara Micro; the system
 * properties set here point that one at the same database.
 */
public final class TestEnvironment implements LauncherSessionListener {

  /** The test server's login limit per username and minute. */
  public static final int LOGINS_PER_MINUTE = 30;

  /**
   * The loopback addresses the test server trusts as reverse proxies (127.0.0.250 and .251): no
   * other test calls from them, so every other client keeps the address of its socket.
   */
  public static final String TRUSTED_PROXIES = "127.0.0.250/31";

  /**
   * The test server's statement timeout: shorter than the default, so that StatementTimeoutIT waits
   * seconds, not tens of seconds, for each statement it holds up; still far above any statement the
   * other tests run.
   */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(4);

  private static EmbeddedDatabase database;
  private static PayaraMicroServer server;
  private static DevKeys keys;
  private static PayaraMicroServer.Settings settings;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();
  private static final Random RANDOM = new Random();

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String war = System.getProperty("ims.war");
    if (war == null || server != null) {
      return;
    }
    Path dir = Path.of(System.getProperty("ims.test.dir"));
    Path log = dir.resolve("server.log");
    deleteRecursively(dir.resolve("postgres"));
    deleteRecursively(log);
    // WAL archiving on, to nowhere until BackupRestoreIT points it at an archive of its own:
    // archive_mode needs a restart to change, the command only a reload. The command is set in
    // postgresql.auto.conf (ALTER SYSTEM), which a command-line setting would override.
    database =
        new EmbeddedDatabase(dir.resolve("postgres"), freePort(), false)
            .with("archive_mode", "on")
            .start();
    try (Connection c = database.connectAsSuperuser();
        Statement s = c.createStatement()) {
      s.execute("ALTER SYSTEM SET archive_command = '/bin/true'");
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not configure WAL archiving", e);
    }
    keys = DevKeys.ensure(dir.resolve("keys"));
    Map<String, String> environment =
        new LinkedHashMap<>(PayaraMicroServer.environment(database, keys, true));
    // Every test client shares one address and the demo users make thousands of requests: the
    // API's allowances are out of the way here (ServerPairIT tests them on servers of their own).
    // The per-username login limit is what RateLimitIT exercises, a little above the default so
    // that demo users can log in from many test classes.
    for (String limit : List.of("PER_USER", "PER_IP", "WRITES_PER_USER", "WRITES_PER_IP")) {
      environment.put("IMS_RATE_LIMIT_" + limit, "1000000");
    }
    environment.put("IMS_AUTH_RATE_LIMIT_PER_IP", "100000");
    environment.put("IMS_AUTH_RATE_LIMIT_PER_USERNAME", Integer.toString(LOGINS_PER_MINUTE));
    environment.put("IMS_HTTP_TRUSTED_PROXIES", TRUSTED_PROXIES);
    environment.put("IMS_DB_STATEMENT_TIMEOUT", STATEMENT_TIMEOUT.toString());
    settings =
        new PayaraMicroServer.Settings(
            Path.of(System.getProperty("payara.microJar")),
            Path.of(war),
            Path.of(System.getProperty("ims.server.config")),
            freePort(),
            environment,
            List.of("-Xmx512m"),
            log);
    startServer();
    System.setProperty(
        "payara.cmdOptions",
        String.join(
            " ",
            "-Xmx384m",
            "-Ddb.url=" + database.jdbcUrl(),
            "-Ddb.user=" + EmbeddedDatabase.APP,
            "-Ddb.password=" + EmbeddedDatabase.APP_PASSWORD,
            "-Ddb.migration.user=" + EmbeddedDatabase.OWNER,
            "-Ddb.migration.password=" + EmbeddedDatabase.OWNER_PASSWORD,
            "-Dims.demo-data=true",
            "-Dims.jwt.private-key.location=" + keys.privateKey(),
            "-Dmp.jwt.verify.publickey.location=" + keys.publicKey().toUri()));
    System.setProperty("payara.extraMicroOptions", "--nocluster");
  }

  private static void startServer() {
    server = PayaraMicroServer.start(settings);
    try {
      // Generous: a machine shared with other builds can take minutes to deploy.
      server.awaitReady(Duration.ofMinutes(10));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Test server did not start; see " + settings.log(), e);
    }
  }

  /** Stops the shared server and starts it again on the same port, database and keys. */
  public static void restartServer() {
    server.close();
    startServer();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.close();
      server = null;
    }
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** The root URL of the shared test server, e.g. http://localhost:41234. */
  public static String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("No test server: integration tests run with mvn verify");
    }
    return server.baseUrl();
  }

  /** The process id of the shared test server, for tests that look at what it listens on. */
  public static long serverPid() {
    baseUrl();
    return server.pid();
  }

  public static EmbeddedDatabase database() {
    if (database == null) {
      throw new IllegalStateException("No test database: integration tests run with mvn verify");
    }
    return database;
  }

  /** How the shared test server was started, for tests that start servers of their own. */
  public static PayaraMicroServer.Settings serverSettings() {
    baseUrl();
    return settings;
  }

  /** The key pair the test server signs and verifies tokens with. */
  public static DevKeys keys() {
    baseUrl();
    return keys;
  }

  /**
   * A port nothing listens on now, for a server that binds it later. Taken from just below the
   * kernel's ephemeral range: a port the kernel hands out itself ({@code bind(0)}) is also what it
   * picks next as the source port of some outgoing connection, and a starting server's JDBC or
   * Hazelcast connection took the port another server was about to listen on. Never the same port
   * twice in one run.
   */
  public static synchronized int freePort() {
    int end = ephemeralPortsStart();
    int start = Math.max(1024, end - 6000);
    if (end - start < 1000) {
      throw new IllegalStateException("The ephemeral port range starts at " + end);
    }
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = start + RANDOM.nextInt(end - start);
      if (HANDED_OUT.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No free port in " + start + "-" + (end - 1));
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int ephemeralPortsStart() {
    try {
      // Read line-wise: a single read of this /proc file returned one byte on some kernels.
      String range =
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
      return Integer.parseInt(range.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768; // Linux's default
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
