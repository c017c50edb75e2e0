package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * N attempts a minute per username (10 by default; the test server allows {@value
 * TestEnvironment#LOGINS_PER_MINUTE}), whatever the address. The per-address allowances are raised
 * on the test server, since every test shares 127.0.0.1; {@code ServerPairIT} tests them from
 * addresses of their own.
 */
class RateLimitIT {

  @Test
  void theAttemptOverTheLimitIsRefusedWithRetryAfter() {
    String username = "guessing-" + System.nanoTime();
    for (int i = 1; i <= TestEnvironment.LOGINS_PER_MINUTE; i++) {
      assertEquals(401, Api.login(username, "Guess#" + i + "abc").status(), "attempt " + i);
    }
    Http.Reply refused = Api.login(username, "Guess#11abc");
    assertEquals(429, refused.status());
    assertEquals("RATE_LIMITED", refused.json().getJsonObject("error").getString("code"));
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(
        401,
        Api.login("someone-else-" + System.nanoTime(), "Guess#1abc").status(),
        "other usernames are not affected");
  }
}
