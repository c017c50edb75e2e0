package org.ims.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code mvn -Prun package}: the application on the embedded default. Starts PostgreSQL with its
 * data in {@code .data/} (kept across runs, with a generated token signing key pair), then Payara
 * Micro with the WAR, demo data enabled, at http://localhost:8080. Ctrl-C stops everything.
 *
 * <p>With {@code -Dims.servers=N}, N servers of the same WAR on ports 8080, 8081, … share the
 * database and form one Payara (Hazelcast) cluster over loopback, as behind a load balancer.
 */
public final class DevServer {

  private static final int HAZELCAST_PORT = 5900;

  private DevServer() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(required("ims.data.dir"));
    Path payaraPids = data.resolve("payara.pid");
    int httpPort = Integer.getInteger("ims.http.port", 8080);
    int dbPort = Integer.getInteger("ims.db.port", 54329);
    int count = Integer.getInteger("ims.servers", 1);

    Processes.stopRecorded(payaraPids, Duration.ofSeconds(30));
    EmbeddedDatabase db = new EmbeddedDatabase(data.resolve("postgres"), dbPort, true).start();
    PayaraMicroServer.Settings alone =
        new PayaraMicroServer.Settings(
            Path.of(required("payara.microJar")),
            Path.of(required("ims.war")),
            Path.of(required("ims.server.config")),
            httpPort,
            PayaraMicroServer.environment(db, DevKeys.ensure(data.resolve("keys")), true),
            List.of("-Xmx512m"),
            null);
    List<Integer> hazelcastPorts =
        IntStream.range(0, count).mapToObj(i -> HAZELCAST_PORT + i).toList();
    List<PayaraMicroServer> servers = new CopyOnWriteArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  servers.forEach(PayaraMicroServer::close);
                  db.close();
                  payaraPids.toFile().delete();
                }));
    // One after the other: each later server joins the running cluster rather than racing the
    // others to form one.
    for (int i = 0; i < count; i++) {
      PayaraMicroServer server =
          PayaraMicroServer.start(
              count == 1
                  ? alone
                  : alone.inCluster(
                      "ims-dev",
                      "ims-" + (i + 1),
                      httpPort + i,
                      hazelcastPorts.get(i),
                      hazelcastPorts,
                      null));
      servers.add(server);
      Files.writeString(
          payaraPids,
          servers.stream().map(s -> Long.toString(s.pid())).collect(Collectors.joining("\n")));
      server.awaitReady(Duration.ofMinutes(5));
    }
    String first = servers.get(0).baseUrl();
    System.out.printf(
        "%n  Interaction Management System is ready at %s/%n"
            + "  API documentation: %s/api-docs/   Health: %s/health/ready%n"
            + "  Demo logins: admin / Admin#2026pass, editor / Editor#2026pass,"
            + " viewer / Viewer#2026pass, lab / Lab#2026pass%n"
            + "  PostgreSQL: %s (data in %s). Press Ctrl-C to stop.%n%n",
        servers.stream().map(PayaraMicroServer::baseUrl).collect(Collectors.joining("/ and ")),
        first,
        first,
        db.jdbcUrl(),
        data);
    // Ends when any server ends by itself; the hook stops the others.
    int exit = servers.get(0).waitFor();
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
