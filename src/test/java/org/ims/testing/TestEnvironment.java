package org.ims.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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

  private static EmbeddedDatabase database;
  private static PayaraMicroServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String war = System.getProperty("ims.war");
    if (war == null || server != null) {
      return;
    }
    Path dir = Path.of(System.getProperty("ims.test.dir"));
    Path log = dir.resolve("server.log");
    deleteRecursively(dir.resolve("postgres"));
    database = new EmbeddedDatabase(dir.resolve("postgres"), freePort(), false).start();
    server =
        PayaraMicroServer.start(
            new PayaraMicroServer.Settings(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(war),
                Path.of(System.getProperty("ims.server.config")),
                freePort(),
                PayaraMicroServer.databaseEnvironment(database, true),
                List.of("-Xmx512m"),
                log));
    try {
      server.awaitReady(Duration.ofMinutes(4));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Test server did not start; see " + log, e);
    }
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
            "-Dims.demo-data=true"));
    System.setProperty("payara.extraMicroOptions", "--nocluster");
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

  public static EmbeddedDatabase database() {
    if (database == null) {
      throw new IllegalStateException("No test database: integration tests run with mvn verify");
    }
    return database;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
