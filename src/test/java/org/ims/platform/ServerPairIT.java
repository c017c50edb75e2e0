package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ims.devserver.PayaraMicroServer;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.LoopbackClient;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers of the same WAR behind an imaginary load balancer: clustered through Payara's
 * Hazelcast on loopback, sharing the test database and the signing keys, with small allowances over
 * a 10-second window, so that a test uses one up quickly and can wait for the reset. A token from
 * one is good on the other, a logout on one ends the session on both, failed logins on both add up
 * to one lockout, and both servers count against the same allowances.
 *
 * <p>Each test calls from loopback addresses of its own (127.0.0.N), so that its per-address
 * allowances are its own.
 */
class ServerPairIT {

  private static final Duration WINDOW = Duration.ofSeconds(10);
  private static final int REQUESTS = 20;
  private static final int WRITES = 5;
  private static final int SIGN_INS = 10;
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

  private static PayaraMicroServer first;
  private static PayaraMicroServer second;
  private static List<String> servers;

  @BeforeAll
  static void startThePair() {
    PayaraMicroServer.Settings base =
        TestEnvironment.serverSettings()
            .withEnvironment(
                Map.of(
                    "IMS_RATE_LIMIT_WINDOW", WINDOW.toString(),
                    "IMS_RATE_LIMIT_PER_USER", Integer.toString(REQUESTS),
                    "IMS_RATE_LIMIT_PER_IP", Integer.toString(REQUESTS),
                    "IMS_RATE_LIMIT_WRITES_PER_USER", Integer.toString(WRITES),
                    "IMS_RATE_LIMIT_WRITES_PER_IP", Integer.toString(WRITES),
                    "IMS_AUTH_RATE_LIMIT_PER_IP", Integer.toString(SIGN_INS),
                    "IMS_AUTH_RATE_LIMIT_PER_USERNAME", Integer.toString(SIGN_INS)));
    String cluster = "ims-it-" + System.nanoTime();
    List<Integer> hazelcastPorts = List.of(TestEnvironment.freePort(), TestEnvironment.freePort());
    // One after the other, as servers are usually rolled out: the second joins a running cluster
    // instead of racing the first to form one.
    first = startMember(base, cluster, "ims-a", 0, hazelcastPorts);
    second = startMember(base, cluster, "ims-b", 1, hazelcastPorts);
    servers = List.of(first.baseUrl(), second.baseUrl());
    // The first sign-in and request on a fresh server take seconds; a test that races a 10-second
    // window must not pay for them.
    LoopbackClient warmUp = client();
    String user = TestUsers.create("pair-warm-up", "Field Office:EDITOR");
    for (String server : servers) {
      assertEquals(200, get(warmUp, server, token(warmUp, server, user), "/api/auth/me").status());
    }
  }

  /** Starts member {@code index} of the cluster and waits until it is ready. */
  private static PayaraMicroServer startMember(
      PayaraMicroServer.Settings base,
      String cluster,
      String name,
      int index,
      List<Integer> hazelcastPorts) {
    Path log = Path.of(System.getProperty("ims.test.dir"), "server-" + name + ".log");
    PayaraMicroServer server =
        PayaraMicroServer.start(
            base.inCluster(
                cluster,
                name,
                TestEnvironment.freePort(),
                hazelcastPorts.get(index),
                hazelcastPorts,
                log));
    server.awaitReady(Duration.ofMinutes(5));
    return server;
  }

  @AfterAll
  static void stopThePair() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  /** A new client address for one test. */
  private static LoopbackClient client() {
    return new LoopbackClient(NEXT_ADDRESS.getAndIncrement());
  }

  private static Http.Reply login(
      LoopbackClient client, String server, String username, String password) {
    return client.send(
        server,
        "POST",
        "/api/auth/login",
        Api.loginBody(username, password),
        "Content-Type",
        "application/json");
  }

  private static String token(LoopbackClient client, String server, String username) {
    Http.Reply reply = login(client, server, username, TestUsers.PASSWORD);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonObject("data").getString("token");
  }

  private static Http.Reply get(LoopbackClient client, String server, String token, String path) {
    return client.get(server, path, "Authorization", "Bearer " + token);
  }

  private static String code(Http.Reply reply) {
    return reply.json().getJsonObject("error").getString("code");
  }

  private static int header(Http.Reply reply, String name) {
    return Integer.parseInt(reply.header(name).orElseThrow(() -> new AssertionError(name)));
  }

  /**
   * Waits until the allowance that {@code reply} describes starts a new window, so that a test has
   * a whole window for its requests.
   */
  private static void awaitNewWindow(Http.Reply reply) throws InterruptedException {
    long reset = header(reply, "X-RateLimit-Reset");
    long wait = reset * 1000 - System.currentTimeMillis() + 200;
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  @Test
  void aTokenIssuedByOneServerIsAcceptedByTheOther() {
    LoopbackClient client = client();
    String user = TestUsers.create("pair-token", "Field Office:EDITOR");
    String token = token(client, servers.get(0), user);
    Http.Reply me = get(client, servers.get(1), token, "/api/auth/me");
    assertEquals(200, me.status(), me.body());
    assertEquals(user, me.json().getJsonObject("data").getJsonObject("user").getString("username"));
  }

  @Test
  void aLogoutOnOneServerEndsTheSessionOnBoth() {
    LoopbackClient client = client();
    String user = TestUsers.create("pair-logout", "Field Office:EDITOR");
    String token = token(client, servers.get(0), user);
    assertEquals(200, get(client, servers.get(1), token, "/api/auth/me").status());
    Http.Reply logout =
        client.send(
            servers.get(1),
            "POST",
            "/api/auth/logout",
            "{}",
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token);
    assertEquals(204, logout.status(), logout.body());
    for (String server : servers) {
      Http.Reply after = get(client, server, token, "/api/auth/me");
      assertEquals(401, after.status(), server);
      assertEquals("SESSION_ENDED", code(after));
    }
  }

  @Test
  void failedLoginsOnBothServersAddUpToOneLockout() {
    LoopbackClient client = client();
    String user = TestUsers.create("pair-lockout", "Field Office:EDITOR");
    for (int i = 1; i <= 4; i++) {
      assertEquals(
          401, login(client, servers.get(i % 2), user, "Wrong#2026pass").status(), "failure " + i);
    }
    Http.Reply fifth = login(client, servers.get(1), user, "Wrong#2026pass");
    assertEquals(423, fifth.status(), "the fifth failure, on the second server, locks");
    Http.Reply right = login(client, servers.get(0), user, TestUsers.PASSWORD);
    assertEquals(423, right.status(), "the first server refuses the right password too");
    assertEquals("ACCOUNT_LOCKED", code(right));
  }

  @Test
  void aUsersAllowanceIsSharedByBothServersAndComesBackAfterTheWindow()
      throws InterruptedException {
    // The user's requests come from two addresses, so that no address's allowance runs out.
    LoopbackClient[] clients = {client(), client()};
    String user = TestUsers.create("pair-limit", "Field Office:EDITOR");
    String token = token(clients[0], servers.get(0), user);
    // The first request with the token starts the user's window; wait for a whole new one.
    awaitNewWindow(get(client(), servers.get(0), token, "/api/auth/me"));

    for (int i = 1; i <= REQUESTS; i++) {
      Http.Reply reply = get(clients[i % 2], servers.get(i % 2), token, "/api/auth/me");
      assertEquals(200, reply.status(), "request " + i);
      assertEquals(REQUESTS, header(reply, "X-RateLimit-Limit"));
      assertEquals(REQUESTS - i, header(reply, "X-RateLimit-Remaining"), "request " + i);
    }
    Http.Reply refused = get(clients[1], servers.get(1), token, "/api/auth/me");
    assertEquals(429, refused.status());
    assertEquals("RATE_LIMITED", code(refused));
    assertEquals(0, header(refused, "X-RateLimit-Remaining"));
    int retryAfter = header(refused, "Retry-After");
    assertTrue(retryAfter >= 1 && retryAfter <= WINDOW.toSeconds(), "Retry-After " + retryAfter);
    assertEquals(
        429, get(clients[0], servers.get(0), token, "/api/auth/me").status(), "on both servers");

    LoopbackClient bystander = client();
    String other = TestUsers.create("pair-other", "Field Office:EDITOR");
    assertEquals(
        200,
        get(bystander, servers.get(1), token(bystander, servers.get(1), other), "/api/auth/me")
            .status(),
        "another user is not held back");

    Thread.sleep(retryAfter * 1000L + 200);
    Http.Reply again = get(client(), servers.get(1), token, "/api/auth/me");
    assertEquals(200, again.status(), "the allowance is back after Retry-After");
    assertEquals(REQUESTS - 1, header(again, "X-RateLimit-Remaining"));
  }

  @Test
  void writesHaveASmallerAllowanceThatLeavesReadsAlone() throws InterruptedException {
    LoopbackClient client = client();
    String user = TestUsers.create("pair-writes", "Field Office:EDITOR");
    String token = token(client, servers.get(0), user);
    // An empty body is refused (400) without storing anything; it still counts as a write.
    String[] headers = {"Content-Type", "application/json", "Authorization", "Bearer " + token};
    awaitNewWindow(client.send(servers.get(0), "POST", "/api/interactions", "{}", headers));
    for (int i = 1; i <= WRITES; i++) {
      Http.Reply reply =
          client.send(servers.get(i % 2), "POST", "/api/interactions", "{}", headers);
      assertEquals(400, reply.status(), "write " + i);
      assertEquals(WRITES, header(reply, "X-RateLimit-Limit"));
    }
    Http.Reply refused =
        client.send(servers.get(1), "DELETE", "/api/interactions/1", null, headers);
    assertEquals(429, refused.status());
    assertEquals(WRITES, header(refused, "X-RateLimit-Limit"));
    assertTrue(refused.header("Retry-After").isPresent());
    Http.Reply read = get(client, servers.get(0), token, "/api/interactions?pageSize=1");
    assertEquals(200, read.status(), "reads go on");
    assertEquals(REQUESTS, header(read, "X-RateLimit-Limit"));
  }

  @Test
  void anAddressIsLimitedWhoeverCallsButHealthAndPagesAreNot() {
    LoopbackClient client = client();
    for (int i = 1; i <= REQUESTS; i++) {
      Http.Reply reply = client.get(servers.get(i % 2), "/api/interactions");
      assertEquals(401, reply.status(), "anonymous request " + i + " is counted, then refused");
    }
    Http.Reply refused = client.get(servers.get(0), "/api/interactions");
    assertEquals(429, refused.status());
    assertEquals("RATE_LIMITED", code(refused));
    assertTrue(refused.header("X-Request-ID").isPresent(), "the envelope has its request id");
    for (String path : List.of("/health/ready", "/health/live", "/login.xhtml", "/api-docs/")) {
      assertEquals(200, client.get(servers.get(1), path).status(), path + " is not limited");
    }
    assertEquals(
        401, client().get(servers.get(0), "/api/interactions").status(), "other addresses");
  }

  @Test
  void signInAttemptsHaveTheirOwnAllowancePerAddress() {
    LoopbackClient client = client();
    for (int i = 1; i <= SIGN_INS; i++) {
      Http.Reply reply =
          login(
              client,
              servers.get(i % 2),
              "nobody-" + i + "-" + System.nanoTime(),
              "Guess#2026pass");
      assertEquals(401, reply.status(), "attempt " + i);
      assertEquals(SIGN_INS, header(reply, "X-RateLimit-Limit"));
    }
    Http.Reply refused = login(client, servers.get(0), "nobody-else", "Guess#2026pass");
    assertEquals(429, refused.status());
    assertEquals(0, header(refused, "X-RateLimit-Remaining"));
    assertTrue(header(refused, "Retry-After") <= WINDOW.toSeconds());
  }
}
