package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ims.devserver.InstalledServer;
import org.ims.devserver.OpenLibertyServer;
import org.ims.devserver.PayaraServer;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same WAR on every supported server: Payara Micro (the shared test server), Payara Server and
 * Open Liberty, each installed from its distribution on Maven Central and configured only by the
 * files in {@code server-config/} and the environment, all on the test database. Runs with the
 * servers profile, which unpacks the distributions ({@code mvn verify -Pservers
 * -Dit.test=ServersSmokeIT}); without it only Payara Micro is checked.
 */
class ServersSmokeIT {

  private static final Map<String, String> BASE_URLS = new ConcurrentHashMap<>();
  private static final List<InstalledServer> STARTED =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    BASE_URLS.put("Payara Micro", TestEnvironment.baseUrl());
    String servers = System.getProperty("ims.servers.dir");
    if (servers == null || servers.isBlank()) {
      return;
    }
    Path dir = Path.of(servers);
    Path work = Path.of(System.getProperty("ims.test.dir")).resolve("servers");
    Map<String, String> environment =
        new LinkedHashMap<>(TestEnvironment.serverSettings().environment());
    InstalledServer.Settings payara =
        settings(dir.resolve("payara6"), work.resolve("payara-server"), environment);
    InstalledServer.Settings liberty =
        settings(dir.resolve("wlp"), work.resolve("open-liberty"), environment);
    int portBase = portBase();
    int libertyPort = TestEnvironment.freePort();
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      Future<InstalledServer> p =
          starting.submit(() -> started(new PayaraServer(payara), PayaraServer.httpPort(portBase)));
      Future<InstalledServer> l =
          starting.submit(() -> started(new OpenLibertyServer(liberty), libertyPort));
      InstalledServer payaraServer = p.get();
      InstalledServer libertyServer = l.get();
      BASE_URLS.put(payaraServer.name(), payaraServer.baseUrl());
      BASE_URLS.put(libertyServer.name(), libertyServer.baseUrl());
    } finally {
      starting.shutdown();
    }
  }

  private static InstalledServer started(InstalledServer server, int port) {
    STARTED.add(server);
    long start = System.nanoTime();
    server.start(port, Duration.ofMinutes(10));
    System.out.printf(
        "%s ready in %d s at %s%n",
        server.name(), Duration.ofNanos(System.nanoTime() - start).toSeconds(), server.baseUrl());
    return server;
  }

  private static InstalledServer.Settings settings(
      Path home, Path work, Map<String, String> environment) {
    return new InstalledServer.Settings(
        home,
        Path.of(System.getProperty("ims.war")),
        Path.of(System.getProperty("ims.datasource.jar")),
        Path.of(System.getProperty("ims.jdbc.driver")),
        Path.of(System.getProperty("ims.server.config")),
        work,
        environment);
  }

  /** A block of 100 ports for a Payara domain, of which the ones it listens on are free. */
  private static int portBase() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = TestEnvironment.freePort();
      int base = port - port % 100;
      boolean free = true;
      for (int offset : new int[] {37, 38, 39, 48, 66, 76, 80, 81, 86, 0, 1}) {
        try (var socket = new java.net.ServerSocket(base + offset)) {
          // free
        } catch (java.io.IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("No free block of ports for Payara Server");
  }

  @AfterAll
  static void stopServers() {
    STARTED.forEach(InstalledServer::close);
  }

  private static String base(String server) {
    String base = BASE_URLS.get(server);
    Assumptions.assumeTrue(base != null, server + " is checked with -Pservers only");
    return base;
  }

  private static Http.Reply get(String server, String path, String token) {
    return token == null
        ? Http.sendTo(base(server), "GET", path, null)
        : Http.sendTo(base(server), "GET", path, null, "Authorization", "Bearer " + token);
  }

  private static Http.Reply post(String server, String path, String token, String json) {
    return token == null
        ? Http.sendTo(base(server), "POST", path, json, "Content-Type", "application/json")
        : Http.sendTo(
            base(server),
            "POST",
            path,
            json,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token);
  }

  private static JsonObject data(Http.Reply reply, int status) {
    assertEquals(status, reply.status(), reply.body());
    return reply.json().getJsonObject("data");
  }

  private static String signIn(String server) {
    String body =
        Json.createObjectBuilder()
            .add("username", "admin")
            .add("password", "Admin#2026pass")
            .build()
            .toString();
    return data(post(server, "/api/auth/login", null, body), 200).getString("token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payara Micro", "Payara Server", "Open Liberty"})
  void reportsReady(String server) {
    Http.Reply reply = get(server, "/health/ready", null);
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.body().contains("\"UP\""), reply.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payara Micro", "Payara Server", "Open Liberty"})
  void signsInCreatesSearchesExportsAndKeepsSitesApart(String server) {
    String token = signIn(server);
    String title = "Smoke " + UUID.randomUUID().toString().substring(0, 8);
    String word = title.substring(6);
    String created =
        Json.createObjectBuilder()
            .add("title", title)
            .add("type", "Meeting")
            .add("lead", "Amelia Hughes")
            .add("startDateTime", "2026-05-04T09:00:00+01:00")
            .add("endDateTime", "2026-05-04T10:30:00+01:00")
            .add("timezone", "Europe/London")
            .add("location", "Board Room")
            .add("description", "Smoke test on " + server)
            .build()
            .toString();
    long id =
        data(post(server, "/api/interactions", token, created), 201)
            .getJsonNumber("id")
            .longValue();

    Http.Reply found = get(server, "/api/interactions?search=" + word, token);
    assertEquals(200, found.status(), found.body());
    assertTrue(found.body().contains(title), found.body());

    Http.Reply export = get(server, "/api/interactions/export?search=" + word, token);
    assertEquals(200, export.status(), export.body());
    assertTrue(export.contentType().startsWith("text/csv"), export.contentType());
    assertTrue(export.body().contains(title), export.body());

    // The admin's other site: the record of the first one is not there.
    JsonObject claims = claims(token);
    long site = claims.getJsonNumber("site").longValue();
    long otherSite =
        claims.getJsonArray("sites").getValuesAs(jakarta.json.JsonNumber.class).stream()
            .mapToLong(jakarta.json.JsonNumber::longValue)
            .filter(s -> s != site)
            .findFirst()
            .orElseThrow();
    String switched =
        data(post(server, "/api/auth/site", token, "{\"siteId\":" + otherSite + "}"), 200)
            .getString("token");
    assertEquals(404, get(server, "/api/interactions/" + id, switched).status());
    assertEquals(200, get(server, "/api/interactions/" + id, token).status());
  }

  /** The claims of a token (its payload, not verified: the server verified it). */
  private static JsonObject claims(String token) {
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payara Micro", "Payara Server", "Open Liberty"})
  void servesTheContractAndMetrics(String server) {
    Http.Reply contract = get(server, "/openapi", null);
    assertEquals(200, contract.status(), contract.body());
    assertTrue(contract.body().contains("openapi: 3"), contract.body());
    Http.Reply json =
        Http.sendTo(base(server), "GET", "/openapi", null, "Accept", "application/json");
    assertEquals(200, json.status());
    try (var reader = Json.createReader(new StringReader(json.body()))) {
      assertTrue(reader.readObject().containsKey("paths"));
    }
    Http.Reply metrics = get(server, "/metrics?scope=application", null);
    assertEquals(200, metrics.status(), metrics.body());
    assertTrue(metrics.body().contains("ims_logins_succeeded_total"), metrics.body());
  }
}
