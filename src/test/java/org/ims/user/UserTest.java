package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Duration LOCK = Duration.ofMinutes(15);

  @Test
  void theFifthConsecutiveFailureLocksForTheLockPeriod() {
    User user = new User();
    Instant now = Instant.parse("2026-01-01T10:00:00Z");
    for (int i = 0; i < 4; i++) {
      assertFalse(user.recordFailedLogin(now, 5, LOCK));
    }
    assertTrue(user.recordFailedLogin(now, 5, LOCK));
    assertTrue(user.isLockedAt(now.plus(Duration.ofMinutes(14))));
    assertFalse(user.isLockedAt(now.plus(LOCK)));
    assertEquals(0, user.failedLoginCount(), "a full allowance after the lock");
  }

  @Test
  void aSuccessClearsFailuresAndLock() {
    User user = new User();
    Instant now = Instant.now();
    user.recordFailedLogin(now, 5, LOCK);
    user.recordSuccessfulLogin(now);
    assertEquals(0, user.failedLoginCount());
    assertFalse(user.isLockedAt(now));
    assertEquals(now, user.lastLogin());
  }
}
