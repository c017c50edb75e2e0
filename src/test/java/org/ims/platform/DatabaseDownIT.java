package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.PageClient;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: DOWN while it is stopped, UP again once it is back, without
 * restarting the server; meanwhile the API and the pages answer 503 with Retry-After, which a
 * client may retry. Runs last: it takes the shared database away for a moment.
 */
@Order(Integer.MAX_VALUE)
class DatabaseDownIT {

  @Test
  void readinessIsDownAndRequestsAre503WhileTheDatabaseIsStoppedAndAllRecovers() {
    assertEquals(200, Http.get("/health/ready").status());
    String token = Api.demoToken("viewer");
    PageClient browser = new PageClient();
    assertEquals(302, browser.logIn("viewer", "Viewer#2026pass").statusCode());
    TestEnvironment.database().stop();
    try {
      Http.Reply down = awaitStatus(503, Duration.ofSeconds(30));
      assertEquals("DOWN", down.json().getString("status"));
      assertEquals("DOWN", down.json().getJsonArray("checks").getJsonObject(0).getString("status"));
      assertEquals(200, Http.get("/health/live").status(), "alive, only not ready");
      Http.Reply api = Api.get(token, "/api/interactions");
      assertEquals(503, api.status(), api.body());
      assertEquals("SERVICE_UNAVAILABLE", api.json().getJsonObject("error").getString("code"));
      assertTrue(Integer.parseInt(api.header("Retry-After").orElseThrow()) > 0);
      Http.Reply login = Api.login("editor", "Editor#2026pass");
      assertEquals(503, login.status(), login.body());
      HttpResponse<String> finder = browser.get("/index.xhtml");
      assertEquals(503, finder.statusCode(), finder.body());
      assertTrue(finder.headers().firstValue("Retry-After").isPresent());
    } finally {
      TestEnvironment.database().start();
    }
    assertEquals("UP", awaitStatus(200, Duration.ofSeconds(60)).json().getString("status"));
    assertEquals(200, Api.get(token, "/api/interactions").status(), "served again");
    assertEquals(200, browser.get("/index.xhtml").statusCode(), "the page session survived");
  }

  private static Http.Reply awaitStatus(int status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Http.Reply reply = Http.get("/health/ready");
    while (reply.status() != status && System.nanoTime() < deadline) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      reply = Http.get("/health/ready");
    }
    return reply;
  }
}
