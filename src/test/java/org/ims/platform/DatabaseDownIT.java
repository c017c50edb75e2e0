package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: DOWN while it is stopped, UP again once it is back, without
 * restarting the server. Runs last: it takes the shared database away for a moment.
 */
@Order(Integer.MAX_VALUE)
class DatabaseDownIT {

  @Test
  void readinessIsDownWhileTheDatabaseIsStoppedAndRecovers() {
    assertEquals(200, Http.get("/health/ready").status());
    TestEnvironment.database().stop();
    try {
      Http.Reply down = awaitStatus(503, Duration.ofSeconds(30));
      assertEquals("DOWN", down.json().getString("status"));
      assertEquals("DOWN", down.json().getJsonArray("checks").getJsonObject(0).getString("status"));
      assertEquals(200, Http.get("/health/live").status(), "alive, only not ready");
    } finally {
      TestEnvironment.database().start();
    }
    assertEquals("UP", awaitStatus(200, Duration.ofSeconds(60)).json().getString("status"));
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
