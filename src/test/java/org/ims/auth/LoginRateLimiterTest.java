package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ims.platform.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

  private final LoginRateLimiter limiter = new LoginRateLimiter();

  @BeforeEach
  void limits() {
    limiter.settings = new AuthSettings();
    limiter.settings.rateLimitPerIp = 3;
    limiter.settings.rateLimitPerUsername = 2;
  }

  @Test
  void anAddressIsLimitedWhateverTheUsername() {
    limiter.check("10.0.0.1", "a");
    limiter.check("10.0.0.1", "b");
    limiter.check("10.0.0.1", "c");
    ApiException refused = assertThrows(ApiException.class, () -> limiter.check("10.0.0.1", "d"));
    assertEquals(429, refused.status());
    long retryAfter = Long.parseLong(refused.headers().get("Retry-After"));
    assertEquals(true, retryAfter >= 1 && retryAfter <= 60);
    limiter.check("10.0.0.2", "e");
  }

  @Test
  void aUsernameIsLimitedWhateverTheAddressAndCase() {
    limiter.check("10.0.0.1", "Alice");
    limiter.check("10.0.0.2", "alice");
    assertThrows(ApiException.class, () -> limiter.check("10.0.0.3", " ALICE "));
    limiter.check("10.0.0.3", "bob");
  }
}
