package org.ims.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code mvn -Prun package}: the application on the embedded default. Starts PostgreSQL with its
 * data in {@code .data/} (kept across runs, with a generated token signing key pair), then Payara
 * Micro with the WAR, demo data enabled, at http://localhost:8080. Ctrl-C stops both.
 */
public final class DevServer {

  private DevServer() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(required("ims.data.dir"));
    Path payaraPid = data.resolve("payara.pid");
    int httpPort = Integer.getInteger("ims.http.port", 8080);
    int dbPort = Integer.getInteger("ims.db.port", 54329);

    Processes.stopRecorded(payaraPid, Duration.ofSeconds(30));
    EmbeddedDatabase db = new EmbeddedDatabase(data.resolve("postgres"), dbPort, true).start();
    PayaraMicroServer server =
        PayaraMicroServer.start(
            new PayaraMicroServer.Settings(
                Path.of(required("payara.microJar")),
                Path.of(required("ims.war")),
                Path.of(required("ims.server.config")),
                httpPort,
                PayaraMicroServer.environment(db, DevKeys.ensure(data.resolve("keys")), true),
                List.of("-Xmx512m"),
                null));
    Files.writeString(payaraPid, Long.toString(server.pid()));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  db.close();
                  payaraPid.toFile().delete();
                }));

    server.awaitReady(Duration.ofMinutes(5));
    System.out.printf(
        "%n  Interaction Management System is ready at %s/%n"
            + "  API documentation: %s/api-docs/   Health: %s/health/ready%n"
            + "  Demo logins: admin / Admin#2026pass, editor / Editor#2026pass,"
            + " viewer / Viewer#2026pass, lab / Lab#2026pass%n"
            + "  PostgreSQL: %s (data in %s). Press Ctrl-C to stop.%n%n",
        server.baseUrl(), server.baseUrl(), server.baseUrl(), db.jdbcUrl(), data);
    int exit = server.waitFor();
    System.exit(exit);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("Missing -D" + property + " (start with mvn -Prun package)");
    }
    return value;
  }
}
