package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.ims.testing.Browser;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same WAR on every supported server: Payara Micro (the shared test server), Payara Server and
 * Open Liberty, each installed from its distribution on Maven Central and configured only by the
 * files in {@code server-config/} and the environment, all on the test database. Runs with the
 * servers profile, which unpacks the distributions ({@code mvn verify -Pservers
 * -Dit.test=ServersSmokeIT}); without it only Payara Micro is checked.
 */
@Order(Integer.MAX_VALUE - 10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
    // -Dims.smoke.servers=open-liberty (or payara-server) starts only that one.
    String only = System.getProperty("ims.smoke.servers", "payara-server,open-liberty");
    ExecutorService starting = Executors.newFixedThreadPool(2);
    try {
      List<Future<InstalledServer>> starts = new java.util.ArrayList<>();
      if (only.contains("payara-server")) {
        int portBase = portBase();
        starts.add(
            starting.submit(
                () -> started(new PayaraServer(payara), PayaraServer.httpPort(portBase))));
      }
      if (only.contains("open-liberty")) {
        int libertyPort = TestEnvironment.freePort();
        starts.add(starting.submit(() -> started(new OpenLibertyServer(liberty), libertyPort)));
      }
      for (Future<InstalledServer> server : starts) {
        InstalledServer started = server.get();
        BASE_URLS.put(started.name(), started.baseUrl());
      }
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

  @ParameterizedTest
  @ValueSource(strings = {"Payara Micro", "Payara Server", "Open Liberty"})
  void showsTheFinderInABrowser(String server) {
    // The start page of a visitor without a session leads to the login page, not to an error.
    Http.Reply start = get(server, "/", null);
    assertTrue(start.status() == 302 || start.status() == 200, start.status() + " " + start.body());
    assertEquals(404, get(server, "/favicon.ico", null).status(), "a missing file is not found");
    try (Browser browser = Browser.open(base(server))) {
      browser.logIn("admin", "Admin#2026pass");
      if (browser.path().startsWith("/select-site.xhtml")) {
        browser.clickAndWaitForPage("select:continue");
      }
      browser.find("finder:search");
      browser.find("finder:table");
      assertFalse(browser.find("heading").getText().isBlank(), "the active site is named");
    }
  }

  /**
   * Last: the database goes away and comes back; every server reports DOWN meanwhile and serves a
   * token issued before, through its own pool, once the database is back.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void recoversWhenTheDatabaseRestarts() {
    Map<String, String> tokens = new LinkedHashMap<>();
    BASE_URLS.keySet().forEach(server -> tokens.put(server, signIn(server)));
    TestEnvironment.database().stop();
    try {
      for (String server : tokens.keySet()) {
        assertEquals(
            503, awaitReady(server, 503, Duration.ofSeconds(60)), server + " reports DOWN");
      }
    } finally {
      TestEnvironment.database().start();
    }
    long back = System.nanoTime();
    for (Map.Entry<String, String> entry : tokens.entrySet()) {
      String server = entry.getKey();
      assertEquals(
          200, awaitReady(server, 200, Duration.ofSeconds(90)), server + " is ready again");
      System.out.printf(
          "%s ready %d ms after the database returned%n",
          server, Duration.ofNanos(System.nanoTime() - back).toMillis());
      Http.Reply served = get(server, "/api/interactions?pageSize=1", entry.getValue());
      assertEquals(200, served.status(), server + ": " + served.body());
    }
  }

  private static int awaitReady(String server, int status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = get(server, "/health/ready", null).status();
    while (seen != status && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      seen = get(server, "/health/ready", null).status();
    }
    return seen;
  }
}
