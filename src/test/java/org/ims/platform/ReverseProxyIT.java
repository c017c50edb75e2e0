package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.interaction.Interactions;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.LoopbackClient;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The shared test server behind an imaginary TLS-terminating reverse proxy: it trusts 127.0.0.250
 * ({@link TestEnvironment#TRUSTED_PROXIES}), so requests from there may name the client and its
 * scheme; requests from any other loopback address are clients themselves, whatever headers they
 * send. The client's address must reach the rate limits, the sign-in records, the audit trail and
 * the access log, on the API and the pages; HTTPS at the proxy must make cookies Secure, send HSTS
 * and keep redirects and links on https.
 */
class ReverseProxyIT {

  private static final LoopbackClient PROXY = new LoopbackClient(250);
  private static final LoopbackClient STRANGER = new LoopbackClient(41);
  private static final Path LOG = Path.of(System.getProperty("ims.test.dir"), "server.log");

  /** A documentation address (RFC 5737) of its own for every client a test pretends to be. */
  private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

  private static String client() {
    return "203.0.113." + NEXT_CLIENT.getAndIncrement();
  }

  private static String base() {
    return TestEnvironment.baseUrl();
  }

  private static int remaining(Http.Reply reply) {
    return Integer.parseInt(reply.header("X-RateLimit-Remaining").orElseThrow());
  }

  private static Http.Reply anonymous(LoopbackClient from, String forwardedFor) {
    return from.get(base(), "/api/interactions", "X-Forwarded-For", forwardedFor);
  }

  @Test
  void eachClientBehindTheProxyHasItsOwnAllowance() {
    String first = client();
    String second = client();
    int start = remaining(anonymous(PROXY, first));
    assertEquals(start - 1, remaining(anonymous(PROXY, first)), "the same client, counted twice");
    assertEquals(start, remaining(anonymous(PROXY, second)), "another client starts afresh");
    // A client prepending an address of its choice is still counted as itself.
    assertEquals(start - 2, remaining(anonymous(PROXY, client() + ", " + first)));
  }

  @Test
  void anUntrustedPeerIsCountedAsItselfWhateverItClaims() {
    LoopbackClient stranger = new LoopbackClient(42);
    int start = remaining(anonymous(stranger, client()));
    assertEquals(start - 1, remaining(anonymous(stranger, client())), "a new claim, the same peer");
    assertEquals(
        start - 2,
        remaining(stranger.get(base(), "/api/interactions", "Forwarded", "for=" + client())));
  }

  @Test
  void signInsAndTheirAuditEntriesRecordTheClientNotTheProxy() {
    String user = TestUsers.create("proxy-login", "Field Office:EDITOR");
    String client = client();
    String requestId = "proxy-login-" + UUID.randomUUID();
    Http.Reply login =
        PROXY.send(
            base(),
            "POST",
            "/api/auth/login",
            Api.loginBody(user, TestUsers.PASSWORD),
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client,
            "X-Forwarded-Proto",
            "https",
            "X-Request-ID",
            requestId);
    assertEquals(200, login.status(), login.body());
    assertEquals(
        client,
        TestUsers.query(
            "SELECT ip_address FROM audit_log WHERE request_id = ? AND action = 'LOGIN_SUCCEEDED'",
            requestId));
    assertEquals(
        client,
        TestUsers.query(
            "SELECT ip_address FROM login_attempts WHERE lower(username) = lower(?)", user));
    assertEquals(
        client,
        TestUsers.query(
            "SELECT s.ip_address FROM auth_sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.username = ?",
            user));

    // A refused login is recorded with the client too: that is where a lockout starts.
    String failed = "proxy-failed-" + UUID.randomUUID();
    Http.Reply wrong =
        PROXY.send(
            base(),
            "POST",
            "/api/auth/login",
            Api.loginBody(user, "Wrong#2026pass"),
            "Content-Type",
            "application/json",
            "Forwarded",
            "for=" + client + ";proto=https",
            "X-Request-ID",
            failed);
    assertEquals(401, wrong.status());
    assertEquals(
        client,
        TestUsers.query(
            "SELECT ip_address FROM audit_log WHERE request_id = ? AND action = 'LOGIN_FAILED'",
            failed));
  }

  @Test
  void aSpoofedAddressNeverReachesTheAuditTrail() {
    String user = TestUsers.create("proxy-spoof", "Field Office:EDITOR");
    String requestId = "proxy-spoof-" + UUID.randomUUID();
    Http.Reply login =
        STRANGER.send(
            base(),
            "POST",
            "/api/auth/login",
            Api.loginBody(user, TestUsers.PASSWORD),
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client(),
            "X-Request-ID",
            requestId);
    assertEquals(200, login.status(), login.body());
    assertEquals(
        "127.0.0.41",
        TestUsers.query(
            "SELECT ip_address FROM audit_log WHERE request_id = ? AND action = 'LOGIN_SUCCEEDED'",
            requestId));
  }

  @Test
  void theAccessLogNamesTheClient() throws Exception {
    String client = client();
    String proxied = "proxy-access-" + UUID.randomUUID();
    String spoofed = "proxy-access-spoofed-" + UUID.randomUUID();
    PROXY.get(base(), "/health/live", "X-Forwarded-For", client, "X-Request-ID", proxied);
    STRANGER.get(base(), "/health/live", "X-Forwarded-For", client, "X-Request-ID", spoofed);
    assertEquals(client, accessLine(proxied).getString("clientAddress"));
    assertEquals("127.0.0.41", accessLine(spoofed).getString("clientAddress"));
  }

  @Test
  void httpsAtTheProxyMakesPageCookiesSecureSendsHstsAndKeepsRedirectsOnHttps() {
    String client = client();
    String[] https = {"X-Forwarded-For", client, "X-Forwarded-Proto", "https"};
    Http.Reply loginPage = PROXY.get(base(), "/login.xhtml", https);
    assertEquals(200, loginPage.status());
    String session = sessionCookie(loginPage);
    assertTrue(attributes(session).contains("secure"), session);
    assertTrue(attributes(session).contains("httponly"), session);
    assertTrue(loginPage.header("Strict-Transport-Security").isPresent());

    Http.Reply start = PROXY.get(base(), "/", https);
    assertEquals(302, start.status());
    assertTrue(
        start.header("Location").orElseThrow().startsWith("https://"),
        start.header("Location").orElseThrow());

    // Signing in on the page: the new session id (changed at login) comes in a Secure cookie too,
    // and the attempt is the client's.
    String user = TestUsers.create("proxy-page", "Field Office:EDITOR");
    Http.Reply signedIn =
        PROXY.send(
            base(),
            "POST",
            "/login.xhtml",
            loginForm(loginPage.body(), user),
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Cookie",
            session.split(";")[0],
            "X-Forwarded-For",
            client,
            "X-Forwarded-Proto",
            "https");
    assertEquals(302, signedIn.status(), signedIn.body());
    assertTrue(signedIn.header("Location").orElseThrow().startsWith("https://"));
    String renewed = sessionCookie(signedIn);
    assertTrue(attributes(renewed).contains("secure"), renewed);
    assertEquals(
        client,
        TestUsers.query(
            "SELECT ip_address FROM login_attempts WHERE lower(username) = lower(?)", user));
  }

  @Test
  void plainHttpOrAnUntrustedPeerGetsNeitherSecureCookiesNorHsts() {
    Http.Reply plain =
        PROXY.get(base(), "/login.xhtml", "X-Forwarded-For", client(), "X-Forwarded-Proto", "http");
    Http.Reply spoofed = STRANGER.get(base(), "/login.xhtml", "X-Forwarded-Proto", "https");
    for (Http.Reply reply : List.of(plain, spoofed)) {
      assertEquals(200, reply.status());
      assertFalse(attributes(sessionCookie(reply)).contains("secure"), sessionCookie(reply));
      assertFalse(reply.header("Strict-Transport-Security").isPresent());
    }
    Http.Reply start = STRANGER.get(base(), "/", "X-Forwarded-Proto", "https");
    assertTrue(start.header("Location").orElseThrow().startsWith("http://"));
  }

  @Test
  void theApiLinksWithTheClientsScheme() {
    String user = TestUsers.create("proxy-api", "Field Office:EDITOR");
    String[] https = {"X-Forwarded-For", client(), "X-Forwarded-Proto", "https"};
    Http.Reply login =
        PROXY.send(
            base(),
            "POST",
            "/api/auth/login",
            Api.loginBody(user, TestUsers.PASSWORD),
            concat(https, "Content-Type", "application/json"));
    String token = login.json().getJsonObject("data").getString("token");
    Http.Reply created =
        PROXY.send(
            base(),
            "POST",
            "/api/interactions",
            Interactions.body().build().toString(),
            concat(https, "Content-Type", "application/json", "Authorization", "Bearer " + token));
    assertEquals(201, created.status(), created.body());
    String location = created.header("Location").orElseThrow();
    assertTrue(location.startsWith("https://"), location);
    assertTrue(created.header("Strict-Transport-Security").isPresent());
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** The login form of the page, filled in. */
  private static String loginForm(String page, String username) {
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertTrue(state.find(), "the login form carries a view state");
    return "login=login&login%3Ausername="
        + username
        + "&login%3Apassword="
        + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
        + "&login%3Asubmit=&jakarta.faces.ViewState="
        + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
  }

  private static String sessionCookie(Http.Reply reply) {
    return reply.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no session cookie: " + reply.headers().map()));
  }

  private static List<String> attributes(String cookie) {
    List<String> attributes = new ArrayList<>();
    for (String part : cookie.split(";")) {
      attributes.add(part.trim().toLowerCase(java.util.Locale.ROOT));
    }
    return attributes;
  }

  /** The access-log line of a request, once the server has written it. */
  private static JsonObject accessLine(String requestId) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(LOG)) {
        if (line.contains(requestId) && line.contains("\"org.ims.access\"")) {
          try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no access line for " + requestId);
  }
}
