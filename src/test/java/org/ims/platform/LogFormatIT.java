package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ims.interaction.Interactions;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The server log (target/it/server.log, written through
 * server-config/payara-micro/logging.properties): one JSON object per line; one access line per
 * request naming its operation by template, with the request id of the response, the user and the
 * site; and never a password, token, search text or title. Other tests share the server and its
 * log: this one looks at its own requests only.
 */
class LogFormatIT {

  private static final Path LOG = Path.of(System.getProperty("ims.test.dir"), "server.log");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** What one request should have logged. */
  private record Expected(
      String method, String path, int status, boolean identified, Http.Reply reply) {}

  @Test
  void everyRequestLeavesOneStructuredAccessLineAndNoSecrets() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String username = TestUsers.create("logs", "Headquarters:ADMINISTRATOR");
    String password = "Secret#" + marker + "pass";
    TestUsers.execute(
        "UPDATE users SET password_hash = ? WHERE username = ?",
        BCrypt.withDefaults().hashToString(4, password.toCharArray()),
        username);
    String wrongPassword = "Wrong#" + marker + "pass";
    String searchWord = "zyqv" + marker;
    String title = "Confidential merger " + marker;
    String unknownPath = "/api/no-such-" + marker;
    long userId =
        Long.parseLong(TestUsers.query("SELECT id FROM users WHERE username = ?", username));
    long siteId =
        Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'"));

    Map<String, Expected> expected = new LinkedHashMap<>();
    Http.Reply login =
        send(marker, "login", "POST", "/api/auth/login", Api.loginBody(username, password));
    expected.put("login", new Expected("POST", "/api/auth/login", 200, true, login));
    JsonObject session = login.json().getJsonObject("data");
    String token = session.getString("token");
    String refreshToken = session.getString("refreshToken");
    expected.put(
        "bad-login",
        new Expected(
            "POST",
            "/api/auth/login",
            401,
            false,
            send(
                marker,
                "bad-login",
                "POST",
                "/api/auth/login",
                Api.loginBody(username, wrongPassword))));
    expected.put(
        "search",
        new Expected(
            "GET",
            "/api/interactions",
            200,
            true,
            send(
                marker,
                "search",
                "GET",
                "/api/v1/interactions?search=" + searchWord,
                null,
                token)));
    Http.Reply create =
        send(
            marker,
            "create",
            "POST",
            "/api/interactions",
            Interactions.body().add("title", title).build().toString(),
            token);
    expected.put("create", new Expected("POST", "/api/interactions", 201, true, create));
    long id = create.json().getJsonObject("data").getJsonNumber("id").longValue();
    expected.put(
        "read",
        new Expected(
            "GET",
            "/api/interactions/{id}",
            200,
            true,
            send(marker, "read", "GET", "/api/v1/interactions/" + id, null, token)));
    expected.put(
        "unknown",
        new Expected(
            "GET",
            "UNMATCHED",
            404,
            false,
            send(marker, "unknown", "GET", unknownPath, null, token)));
    expected.put(
        "page",
        new Expected(
            "GET", "/login.xhtml", 200, false, send(marker, "page", "GET", "/login.xhtml", null)));
    expected.put(
        "bad-token",
        new Expected(
            "GET",
            "/api/*",
            401,
            false,
            send(marker, "bad-token", "GET", "/api/interactions", null, "not.a.token")));

    // The access line is written when the request is done, just after its answer left.
    Map<String, JsonObject> access = awaitAccessLines(marker, expected.keySet().size());
    for (Map.Entry<String, Expected> entry : expected.entrySet()) {
      String requestId = "logs-" + marker + "-" + entry.getKey();
      Expected want = entry.getValue();
      assertEquals(
          want.status(), want.reply().status(), entry.getKey() + ": " + want.reply().body());
      assertEquals(requestId, want.reply().header("X-Request-ID").orElse(null), entry.getKey());
      JsonObject line = access.get(requestId);
      assertNotNull(line, "no access line for " + requestId);
      assertEquals("INFO", line.getString("Level"), requestId);
      assertEquals("org.ims.access", line.getString("LoggerName"), requestId);
      Instant time = OffsetDateTime.parse(line.getString("Timestamp"), TIMESTAMP).toInstant();
      assertTrue(
          Duration.between(time, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) < 0,
          "ISO-8601 time of now: " + line);
      assertFalse(line.getString("ThreadName").isBlank(), requestId);
      assertEquals(
          want.method() + " " + want.path() + " " + want.status(),
          line.getString("LogMessage").replaceAll(" \\d+ms$", ""),
          requestId);
      assertEquals(want.method(), line.getString("method"), requestId);
      assertEquals(want.path(), line.getString("path"), requestId);
      assertEquals(Integer.toString(want.status()), line.getString("status"), requestId);
      assertTrue(Long.parseLong(line.getString("durationMs")) >= 0, requestId);
      assertEquals(requestId, line.getString("requestId"), requestId);
      if (want.identified()) {
        assertEquals(Long.toString(userId), line.getString("userId"), requestId);
        assertEquals(Long.toString(siteId), line.getString("siteId"), requestId);
      } else {
        assertNull(line.get("userId"), requestId);
        assertNull(line.get("siteId"), requestId);
      }
    }

    String log = Files.readString(LOG);
    Map<String, String> secrets =
        Map.of(
            "password",
            password,
            "wrong password",
            wrongPassword,
            "access token",
            token,
            "refresh token",
            refreshToken,
            "search word",
            searchWord,
            "title",
            title,
            "unknown path",
            unknownPath);
    secrets.forEach((what, secret) -> assertFalse(log.contains(secret), what + " in the log"));
  }

  @Test
  void everyLineWrittenWhileServingIsOneJsonObject() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    send(marker, "first", "GET", "/health/ready", null);
    send(marker, "page", "GET", "/login.xhtml", null);
    send(marker, "forged-form", "POST", "/login.xhtml", "jakarta.faces.ViewState=forged");
    send(marker, "last", "GET", "/health/live", null);
    awaitAccessLines(marker, 4);
    List<String> lines = Files.readAllLines(LOG);
    int first = indexOf(lines, "logs-" + marker + "-first");
    int last = indexOf(lines, "logs-" + marker + "-last");
    for (String line : lines.subList(first, last + 1)) {
      JsonObject record = parse(line);
      assertNotNull(record, "not a JSON object: " + line);
      for (String field : List.of("Timestamp", "Level", "LoggerName", "ThreadName")) {
        assertTrue(record.containsKey(field), field + " missing: " + line);
      }
    }
  }

  private static Http.Reply send(
      String marker, String name, String method, String path, String body, String... token) {
    List<String> headers = new ArrayList<>(List.of("X-Request-ID", "logs-" + marker + "-" + name));
    if (body != null) {
      headers.add("Content-Type");
      headers.add(body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
    }
    if (token.length > 0) {
      headers.add("Authorization");
      headers.add("Bearer " + token[0]);
    }
    return Http.send(method, path, body, headers.toArray(String[]::new));
  }

  /** The access lines of this test's requests, by request id, once all {@code count} are there. */
  private static Map<String, JsonObject> awaitAccessLines(String marker, int count)
      throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      Map<String, JsonObject> found = new LinkedHashMap<>();
      for (String line : Files.readAllLines(LOG)) {
        if (line.contains("logs-" + marker + "-")) {
          JsonObject record = parse(line);
          if (record != null
              && "org.ims.access".equals(record.getString("LoggerName", null))
              && record.getString("requestId", "").startsWith("logs-" + marker + "-")) {
            found.put(record.getString("requestId"), record);
          }
        }
      }
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        fail("access lines of this test: " + found.keySet());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static int indexOf(List<String> lines, String requestId) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"requestId\":\"" + requestId + "\"")) {
        return i;
      }
    }
    throw new AssertionError("no line of " + requestId);
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }
}
