package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Five consecutive failures lock an account for 15 minutes, even against the right password, and
 * the lock is in the database: it holds across a server restart. Runs late: it restarts the server.
 */
@Order(Integer.MAX_VALUE - 1)
class LockoutIT {

  @Test
  void fiveFailuresLockTheAccountAndTheLockSurvivesARestart() {
    String user = TestUsers.create("lockout", "Field Office:EDITOR");
    for (int i = 1; i <= 4; i++) {
      assertEquals(401, Api.login(user, "Wrong#2026pass").status(), "failure " + i);
    }
    Http.Reply fifth = Api.login(user, "Wrong#2026pass");
    assertEquals(423, fifth.status());
    assertEquals("ACCOUNT_LOCKED", fifth.json().getJsonObject("error").getString("code"));
    Instant until =
        Instant.parse(
            fifth
                .json()
                .getJsonObject("error")
                .getJsonArray("details")
                .getJsonObject(0)
                .getString("message"));
    long minutes = java.time.Duration.between(Instant.now(), until).toMinutes();
    assertTrue(minutes >= 14 && minutes <= 15, "locked for 15 minutes, was " + minutes);
    assertTrue(fifth.header("Retry-After").isPresent());

    Http.Reply rightPassword = Api.login(user, TestUsers.PASSWORD);
    assertEquals(423, rightPassword.status(), "the right password is refused while locked");

    TestEnvironment.restartServer();
    assertEquals(423, Api.login(user, TestUsers.PASSWORD).status(), "the lock outlives a restart");

    TestUsers.execute(
        "UPDATE users SET locked_until = now() - interval '1 second' WHERE username = ?", user);
    assertEquals(200, Api.login(user, TestUsers.PASSWORD).status(), "unlocked after the period");
  }

  @Test
  void aSuccessResetsTheCounter() {
    String user = TestUsers.create("reset", "Field Office:EDITOR");
    for (int i = 0; i < 4; i++) {
      Api.login(user, "Wrong#2026pass");
    }
    assertEquals(200, Api.login(user, TestUsers.PASSWORD).status());
    for (int i = 0; i < 4; i++) {
      assertEquals(401, Api.login(user, "Wrong#2026pass").status(), "count started again");
    }
    assertEquals(
        "4", TestUsers.query("SELECT failed_login_count FROM users WHERE username = ?", user));
    assertEquals(
        "ACCOUNT_LOCKED",
        TestUsers.query("SELECT action FROM audit_log WHERE action = 'ACCOUNT_LOCKED' LIMIT 1"),
        "the lock of the other test was audited");
  }
}
