package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The password policy, the no-reuse rule, and expiry forcing a change. */
class PasswordIT {

  @Test
  void aWeakPasswordIsRefusedWithEveryRuleItBreaks() {
    String user = TestUsers.create("weak", "Headquarters:VIEWER");
    String token = Api.token(user, TestUsers.PASSWORD);
    Http.Reply reply = change(token, TestUsers.PASSWORD, "short");
    assertEquals(400, reply.status());
    List<String> messages =
        reply
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(d -> d.getString("field") + ": " + d.getString("message"))
            .toList();
    assertTrue(messages.contains("newPassword: Use at least 8 characters."), messages.toString());
    assertTrue(
        messages.contains("newPassword: Include an upper-case letter."), messages.toString());
    assertTrue(messages.contains("newPassword: Include a digit."), messages.toString());
    assertTrue(
        messages.contains("newPassword: Include a symbol, such as # ! or %."), messages.toString());
  }

  @Test
  void theCurrentPasswordMustBeRight() {
    String user = TestUsers.create("current", "Headquarters:VIEWER");
    String token = Api.token(user, TestUsers.PASSWORD);
    Http.Reply reply = change(token, "Not#Mine2026", "Brand#New2026x");
    assertEquals(400, reply.status());
    assertEquals(
        "currentPassword",
        reply
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field"));
  }

  @Test
  void noneOfTheLastFivePasswordsMayBeReused() {
    String user = TestUsers.create("history", "Headquarters:VIEWER");
    String token = Api.token(user, TestUsers.PASSWORD);
    String current = TestUsers.PASSWORD;
    for (int i = 1; i <= 4; i++) {
      String next = "Rotation#" + i + "pass";
      assertEquals(204, change(token, current, next).status());
      current = next;
    }
    // Five passwords so far: the original and Rotation#1..4. Each of them is refused.
    assertEquals(400, change(token, current, TestUsers.PASSWORD).status(), "the original");
    assertEquals(400, change(token, current, "Rotation#1pass").status());
    assertEquals(400, change(token, current, current).status(), "the current one");
    assertEquals(204, change(token, current, "Rotation#5pass").status());
    assertTrue(
        TestUsers.query("SELECT password_hash FROM users WHERE username = ?", user)
            .startsWith("$2a$12$"),
        "new hashes use bcrypt cost 12");
    assertEquals(200, Api.login(user, "Rotation#5pass").status(), "the new one works");
    assertEquals(401, Api.login(user, "Rotation#4pass").status(), "the old one does not");
  }

  @Test
  void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
    String user = TestUsers.create("expired", "Headquarters:VIEWER");
    TestUsers.execute(
        "UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = ?",
        user);
    JsonObject session = Api.session(user, TestUsers.PASSWORD);
    assertTrue(session.getBoolean("passwordChangeRequired"));
    String token = session.getString("token");
    Http.Reply blocked = Api.get(token, "/api/auth/sites");
    assertEquals(403, blocked.status());
    assertEquals(
        "PASSWORD_CHANGE_REQUIRED", blocked.json().getJsonObject("error").getString("code"));
    assertEquals(200, Api.get(token, "/api/auth/me").status(), "who am I stays allowed");
    assertEquals(204, change(token, TestUsers.PASSWORD, "Renewed#2026pass").status());
    assertEquals(200, Api.get(token, "/api/auth/sites").status(), "free again");
  }

  private static Http.Reply change(String token, String current, String next) {
    return Api.post(
        token,
        "/api/auth/password",
        "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}");
  }
}
