package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.devserver.EmbeddedDatabase;
import org.ims.devserver.PayaraMicroServer;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.LoopbackClient;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An operator's first start: two servers of one installation started at the same moment on an empty
 * database (no demo data), both with the same {@code ims.bootstrap.*} settings and no password
 * file. Exactly one first administrator and one first site come of it, the one-time password is
 * written to one log once, and the administrator signs in with it, must choose a new password, and
 * then creates the site's first user, who signs in in turn.
 */
class FirstAdministratorIT {

  private static final String DATABASE = "ims_first";
  private static final String ADMIN = "chief";
  private static final String SITE = "Main Office";
  private static final Pattern ONE_TIME =
      Pattern.compile("One-time password \\(shown only this once\\): (\\S+) \\.");

  private static final List<PayaraMicroServer> SERVERS = new ArrayList<>();
  private static final List<Path> LOGS = new ArrayList<>();
  private static long startMillis;

  @BeforeAll
  static void startTwoServersAtOnceOnAnEmptyDatabase() throws SQLException, IOException {
    createEmptyDatabase();
    PayaraMicroServer.Settings shared = TestEnvironment.serverSettings();
    Map<String, String> environment = new LinkedHashMap<>(shared.environment());
    environment.put("DB_URL", jdbcUrl());
    environment.put("IMS_DEMO_DATA", "false");
    environment.put("IMS_BOOTSTRAP_USERNAME", ADMIN);
    environment.put("IMS_BOOTSTRAP_EMAIL", "chief@example.org");
    environment.put("IMS_BOOTSTRAP_SITE", SITE);
    long start = System.nanoTime();
    for (String name : List.of("first-a", "first-b")) {
      Path log = Path.of(System.getProperty("ims.test.dir"), "server-" + name + ".log");
      // The server appends to its log: a run's log holds this run only.
      Files.deleteIfExists(log);
      LOGS.add(log);
      SERVERS.add(
          PayaraMicroServer.start(
              new PayaraMicroServer.Settings(
                  shared.microJar(),
                  shared.war(),
                  shared.serverConfig(),
                  TestEnvironment.freePort(),
                  environment,
                  shared.jvmOptions(),
                  log)));
    }
    // Two servers deploying at once on two cores, beside the shared one: give them time.
    for (PayaraMicroServer server : SERVERS) {
      server.awaitReady(Duration.ofMinutes(8));
    }
    startMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    System.out.println("Two servers on an empty database ready after " + startMillis + " ms");
  }

  @AfterAll
  static void stopTheServers() {
    SERVERS.forEach(PayaraMicroServer::close);
  }

  @Test
  void oneAdministratorIsCreatedAndCanSignInChangeThePasswordAndCreateAUser() throws Exception {
    assertEquals(1L, count("SELECT count(*) FROM users"), "one account, not one per server");
    assertEquals(
        1L, count("SELECT count(*) FROM users WHERE global_admin AND must_change_password"));
    assertEquals(1L, count("SELECT count(*) FROM sites WHERE name = '" + SITE + "'"));
    assertEquals(1L, count("SELECT count(*) FROM sites"));
    assertEquals(1L, count("SELECT count(*) FROM user_site WHERE role = 'ADMINISTRATOR'"));
    assertEquals(7L, count("SELECT count(*) FROM interaction_types"), "the default types");
    assertEquals(
        1L, count("SELECT count(*) FROM audit_log WHERE action = 'FIRST_ADMINISTRATOR_CREATED'"));
    assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action = 'SITE_CREATED'"));

    List<String> passwords = new ArrayList<>();
    for (Path log : LOGS) {
      Matcher found = ONE_TIME.matcher(Files.readString(log));
      while (found.find()) {
        passwords.add(found.group(1));
      }
    }
    assertEquals(1, passwords.size(), "the one-time password is logged once, by one server");
    String oneTime = passwords.get(0);
    String server = SERVERS.get(1).baseUrl();

    // Through a TLS-terminating proxy the shared settings trust, as an operator would sign in.
    LoopbackClient proxy = new LoopbackClient(250);
    String[] https = {
      "Content-Type",
      "application/json",
      "X-Forwarded-For",
      "198.51.100.20",
      "X-Forwarded-Proto",
      "https"
    };
    Http.Reply first =
        proxy.send(server, "POST", "/api/auth/login", Api.loginBody(ADMIN, oneTime), https);
    assertEquals(200, first.status(), first.body());
    JsonObject session = first.json().getJsonObject("data");
    assertTrue(session.getBoolean("passwordChangeRequired"));
    assertEquals(SITE, session.getJsonObject("currentSite").getString("name"));
    assertEquals("ADMINISTRATOR", session.getJsonObject("currentSite").getString("role"));
    String token = session.getString("token");
    long siteId = session.getJsonObject("currentSite").getJsonNumber("id").longValue();

    Http.Reply blocked = get(server, token, "/api/sites/" + siteId + "/users");
    assertEquals(403, blocked.status(), "nothing but the password change before it");
    assertEquals(
        "PASSWORD_CHANGE_REQUIRED", blocked.json().getJsonObject("error").getString("code"));

    String chosen = "Ops#2026-Mine";
    Http.Reply changed =
        post(
            server,
            token,
            "/api/auth/password",
            Json.createObjectBuilder()
                .add("currentPassword", oneTime)
                .add("newPassword", chosen)
                .build()
                .toString());
    assertEquals(204, changed.status(), changed.body());
    assertEquals(401, login(server, ADMIN, oneTime).status(), "the one-time password is spent");

    Http.Reply again = login(server, ADMIN, chosen);
    assertEquals(200, again.status(), again.body());
    assertFalse(again.json().getJsonObject("data").getBoolean("passwordChangeRequired"));
    String admin = again.json().getJsonObject("data").getString("token");

    Http.Reply created =
        post(
            server,
            admin,
            "/api/sites/" + siteId + "/users",
            Json.createObjectBuilder()
                .add("username", "first-editor")
                .add("email", "editor@example.org")
                .add("role", "EDITOR")
                .build()
                .toString());
    assertEquals(201, created.status(), created.body());
    String temporary = created.json().getJsonObject("data").getString("temporaryPassword");
    Http.Reply editor = login(SERVERS.get(0).baseUrl(), "first-editor", temporary);
    assertEquals(200, editor.status(), editor.body());
    assertTrue(editor.json().getJsonObject("data").getBoolean("passwordChangeRequired"));
    assertEquals(
        "198.51.100.20",
        query(
            "SELECT ip_address FROM audit_log WHERE action = 'LOGIN_SUCCEEDED' ORDER BY id LIMIT 1"),
        "the first sign-in came through the proxy");
  }

  private static Http.Reply login(String server, String username, String password) {
    return new LoopbackClient(1)
        .send(
            server,
            "POST",
            "/api/auth/login",
            Api.loginBody(username, password),
            "Content-Type",
            "application/json");
  }

  private static Http.Reply get(String server, String token, String path) {
    return new LoopbackClient(1).get(server, path, "Authorization", "Bearer " + token);
  }

  private static Http.Reply post(String server, String token, String path, String json) {
    return new LoopbackClient(1)
        .send(
            server,
            "POST",
            path,
            json,
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token);
  }

  /** A new database in the shared test cluster, prepared as docs/deployment.md says. */
  private static void createEmptyDatabase() throws SQLException {
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + EmbeddedDatabase.OWNER);
    }
    try (Connection c = superuser(DATABASE);
        Statement s = c.createStatement()) {
      s.execute(EmbeddedDatabase.FULL_TEXT_UNDER_ROW_SECURITY);
    }
  }

  private static String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + TestEnvironment.database().port() + "/" + DATABASE;
  }

  /** Row-level security binds the owner too; the superuser sees every site's rows. */
  private static Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + TestEnvironment.database().port() + "/" + database,
        "postgres",
        "");
  }

  private static long count(String sql) throws SQLException {
    return Long.parseLong(query(sql));
  }

  private static String query(String sql) throws SQLException {
    try (Connection c = superuser(DATABASE);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
