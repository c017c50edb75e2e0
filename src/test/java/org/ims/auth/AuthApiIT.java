package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The authentication API: login, the caller's sites, switching, refresh, logout, refusals. */
class AuthApiIT {

  @Test
  void loginReturnsTokensTheUserAndTheirSites() {
    JsonObject data = Api.session("admin", "Admin#2026pass");
    assertEquals("Bearer", data.getString("tokenType"));
    assertFalse(data.getString("refreshToken").isBlank());
    JsonObject user = data.getJsonObject("user");
    assertEquals("admin", user.getString("username"));
    assertEquals("admin@example.org", user.getString("email"));
    assertEquals(2, user.getJsonArray("sites").size());
    JsonObject current = data.getJsonObject("currentSite");
    assertEquals("Headquarters", current.getString("name"), "the default site");
    assertEquals("ADMINISTRATOR", current.getString("role"));
    assertFalse(data.getBoolean("passwordChangeRequired"));

    JsonObject claims = claims(data.getString("token"));
    assertEquals("ims", claims.getString("iss"));
    assertEquals("admin", claims.getString("upn"));
    assertEquals(
        List.of("ADMINISTRATOR"),
        claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(current.getJsonNumber("id").longValue(), claims.getJsonNumber("site").longValue());
    assertEquals(2, claims.getJsonArray("sites").size());
    assertFalse(claims.getString("jti").isBlank());
    assertFalse(claims.getString("sid").isBlank());
    long lifetime =
        claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue();
    assertEquals(24 * 3600, lifetime, "24 h tokens by default");
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    Http.Reply unknown = Api.login("no-such-user-" + System.nanoTime(), "Whatever#1");
    String user = TestUsers.create("wrongpw", "Headquarters:VIEWER");
    Http.Reply wrong = Api.login(user, "Wrong#2026pass");
    assertEquals(401, unknown.status());
    assertEquals(401, wrong.status());
    JsonObject a = unknown.json().getJsonObject("error");
    JsonObject b = wrong.json().getJsonObject("error");
    assertEquals("INVALID_CREDENTIALS", a.getString("code"));
    assertEquals(a.getString("code"), b.getString("code"));
    assertEquals(a.getString("message"), b.getString("message"));
  }

  @Test
  void unknownUserTakesAsLongAsAWrongPassword() {
    String user = TestUsers.create("timing", 12, "Headquarters:VIEWER");
    long unknown = medianMillis(() -> Api.login("nobody-" + System.nanoTime(), "Wrong#2026pass"));
    long wrong = medianMillis(() -> Api.login(user, "Wrong#2026pass"));
    // bcrypt at cost 12 takes well over 100 ms here; skipping it for unknown users would take ~5.
    assertTrue(
        unknown * 2 > wrong, "unknown " + unknown + " ms vs wrong password " + wrong + " ms");
  }

  @Test
  void emptyFieldsAnswer400NamingEachField() {
    Http.Reply reply = Api.post(null, "/api/auth/login", "{\"username\":\"\",\"password\":\" \"}");
    assertEquals(400, reply.status());
    JsonObject error = reply.json().getJsonObject("error");
    assertEquals("VALIDATION_ERROR", error.getString("code"));
    List<String> fields =
        error.getJsonArray("details").getValuesAs(JsonObject.class).stream()
            .map(d -> d.getString("field"))
            .sorted()
            .toList();
    assertEquals(List.of("password", "username"), fields);
  }

  @Test
  void malformedOrMissingBodyIsA400Envelope() {
    Http.Reply malformed = Api.post(null, "/api/auth/login", "{\"username\":");
    assertEquals(400, malformed.status());
    assertEquals("MALFORMED_REQUEST", malformed.json().getJsonObject("error").getString("code"));
    Http.Reply wrongType = Api.post(null, "/api/auth/login", "[1,2]");
    assertEquals(400, wrongType.status());
    Http.Reply missing = Api.post(null, "/api/auth/login", "");
    assertEquals(400, missing.status());
    assertEquals("error", missing.json().getString("status"));
  }

  @Test
  void meAndSitesDescribeTheCallerAndTheirActiveSite() {
    String token = Api.token("editor", "Editor#2026pass");
    JsonObject me = Api.get(token, "/api/auth/me").json().getJsonObject("data");
    assertEquals("editor", me.getJsonObject("user").getString("username"));
    assertEquals("Field Office", me.getJsonObject("currentSite").getString("name"));
    assertEquals("EDITOR", me.getJsonObject("currentSite").getString("role"));
    var sites = Api.get(token, "/api/auth/sites").json().getJsonArray("data");
    assertEquals(1, sites.size());
    assertEquals("Field Office", sites.getJsonObject(0).getString("name"));
  }

  @Test
  void everyApiRouteButLoginAndRefreshNeedsAToken() {
    for (String path : List.of("/api/auth/me", "/api/auth/sites")) {
      Http.Reply reply = Http.get(path);
      assertEquals(401, reply.status(), path);
      assertEquals("UNAUTHORIZED", reply.json().getJsonObject("error").getString("code"));
      assertTrue(reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }
    assertEquals(401, Api.post(null, "/api/auth/logout", "{}").status());
    assertEquals(401, Api.post(null, "/api/auth/site", "{\"siteId\":1}").status());
  }

  @Test
  void switchingToAMemberSiteReturnsATokenForThatSite() {
    JsonObject session = Api.session("admin", "Admin#2026pass");
    long fieldOffice = siteId(session, "Field Office");
    Http.Reply reply =
        Api.post(session.getString("token"), "/api/auth/site", "{\"siteId\":" + fieldOffice + "}");
    assertEquals(200, reply.status(), reply.body());
    JsonObject data = reply.json().getJsonObject("data");
    assertEquals("Field Office", data.getJsonObject("currentSite").getString("name"));
    assertEquals(fieldOffice, claims(data.getString("token")).getJsonNumber("site").longValue());
    JsonObject me = Api.get(data.getString("token"), "/api/auth/me").json().getJsonObject("data");
    assertEquals("Field Office", me.getJsonObject("currentSite").getString("name"));
  }

  @Test
  void switchingToAForeignSiteIs403AndASecurityEvent() {
    String token = Api.token("editor", "Editor#2026pass");
    String lab = TestUsers.query("SELECT id FROM sites WHERE name = 'Research Lab'");
    Http.Reply reply = Api.post(token, "/api/auth/site", "{\"siteId\":" + lab + "}");
    assertEquals(403, reply.status());
    assertEquals("FORBIDDEN", reply.json().getJsonObject("error").getString("code"));
    String requestId = reply.header("X-Request-ID").orElseThrow();
    assertEquals(
        "SITE_ACCESS_DENIED",
        TestUsers.query("SELECT action FROM audit_log WHERE request_id = ?", requestId));
  }

  @Test
  void refreshRotatesAndAReusedRefreshTokenRevokesTheWholeSession() {
    JsonObject first = Api.session("viewer", "Viewer#2026pass");
    String refresh1 = first.getString("refreshToken");
    Http.Reply rotated = Api.post(null, "/api/auth/refresh", refreshBody(refresh1));
    assertEquals(200, rotated.status(), rotated.body());
    JsonObject second = rotated.json().getJsonObject("data");
    assertNotEquals(refresh1, second.getString("refreshToken"));
    assertEquals(200, Api.get(second.getString("token"), "/api/auth/me").status());

    Http.Reply reused = Api.post(null, "/api/auth/refresh", refreshBody(refresh1));
    assertEquals(401, reused.status());
    assertEquals("INVALID_REFRESH_TOKEN", reused.json().getJsonObject("error").getString("code"));
    // The family is revoked: the newer refresh token and every access token of the session die.
    assertEquals(
        401,
        Api.post(null, "/api/auth/refresh", refreshBody(second.getString("refreshToken")))
            .status());
    assertEquals(401, Api.get(second.getString("token"), "/api/auth/me").status());
    assertEquals(401, Api.get(first.getString("token"), "/api/auth/me").status());
  }

  @Test
  void logoutStopsTheAccessAndRefreshTokensAtOnce() {
    JsonObject session = Api.session("viewer", "Viewer#2026pass");
    String token = session.getString("token");
    assertEquals(204, Api.post(token, "/api/auth/logout", "{}").status());
    Http.Reply after = Api.get(token, "/api/auth/me");
    assertEquals(401, after.status());
    assertEquals("SESSION_ENDED", after.json().getJsonObject("error").getString("code"));
    assertEquals(
        401,
        Api.post(null, "/api/auth/refresh", refreshBody(session.getString("refreshToken")))
            .status());
  }

  @Test
  void aMembershipRemovedAfterLoginStopsWorkingAtTheNextRequest() {
    String user = TestUsers.create("removed", "Research Lab:EDITOR");
    String token = Api.token(user, TestUsers.PASSWORD);
    assertEquals(200, Api.get(token, "/api/auth/me").status());
    TestUsers.execute(
        "DELETE FROM user_site WHERE user_id = (SELECT id FROM users WHERE username = ?)", user);
    Http.Reply after = Api.get(token, "/api/auth/me");
    assertEquals(403, after.status());
    assertEquals("SITE_ACCESS_REVOKED", after.json().getJsonObject("error").getString("code"));
  }

  @Test
  void aRoleChangedAfterLoginAppliesAtTheNextRequest() {
    String user = TestUsers.create("promoted", "Research Lab:VIEWER");
    String token = Api.token(user, TestUsers.PASSWORD);
    TestUsers.execute(
        "UPDATE user_site SET role = 'EDITOR' WHERE user_id = (SELECT id FROM users WHERE username = ?)",
        user);
    JsonObject me = Api.get(token, "/api/auth/me").json().getJsonObject("data");
    assertEquals("EDITOR", me.getJsonObject("currentSite").getString("role"));
  }

  @Test
  void aUserWhoseOnlySiteIsDeactivatedCannotLogIn() {
    String site = "Closed " + System.nanoTime();
    TestUsers.execute("INSERT INTO sites (name, is_active) VALUES (?, false)", site);
    String user = TestUsers.create("closed", site + ":EDITOR");
    Http.Reply reply = Api.login(user, TestUsers.PASSWORD);
    assertEquals(403, reply.status());
    assertEquals("NO_ACTIVE_SITE", reply.json().getJsonObject("error").getString("code"));
  }

  @Test
  void everyAttemptIsRecordedWithAddressAndOutcomeAndAudited() {
    String user = TestUsers.create("recorded", "Headquarters:VIEWER");
    Api.login(user, "Wrong#2026pass");
    Api.login(user, TestUsers.PASSWORD);
    assertEquals(
        "false,true",
        TestUsers.query(
            "SELECT string_agg(success::text, ',' ORDER BY id) FROM login_attempts WHERE username = ?",
            user));
    assertEquals(
        "127.0.0.1",
        TestUsers.query("SELECT DISTINCT ip_address FROM login_attempts WHERE username = ?", user));
    assertEquals(
        "LOGIN_FAILED,LOGIN_SUCCEEDED",
        TestUsers.query(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE username = ?", user));
  }

  static String refreshBody(String token) {
    return "{\"refreshToken\":\"" + token + "\"}";
  }

  static long siteId(JsonObject session, String name) {
    return session
        .getJsonObject("user")
        .getJsonArray("sites")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> s.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  static JsonObject claims(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject();
  }

  private static long medianMillis(Runnable call) {
    long[] times = new long[5];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      call.run();
      times[i] = (System.nanoTime() - start) / 1_000_000;
    }
    java.util.Arrays.sort(times);
    return times[times.length / 2];
  }
}
