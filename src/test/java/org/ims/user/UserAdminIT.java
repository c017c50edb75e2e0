package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Administrators manage the users of their active site, and nothing beyond it: another site's id or
 * a user of another site answers 404, other roles 403, a user's last membership stays, and every
 * change is audited and applies at the user's next request.
 *
 * <p>Runs after the classes that check the demo data as seeded: it adds sites.
 */
@Order(Integer.MAX_VALUE - 100)
class UserAdminIT {

  private static String siteA;
  private static String siteB;
  private static long siteAId;
  private static long siteBId;
  private static String adminA;
  private static String adminB;

  @BeforeAll
  static void sites() {
    siteA = TestUsers.createSite("Users A");
    siteB = TestUsers.createSite("Users B");
    siteAId = siteId(siteA);
    siteBId = siteId(siteB);
    adminA = Api.token(TestUsers.create("adm-a", siteA + ":ADMINISTRATOR"), TestUsers.PASSWORD);
    adminB = Api.token(TestUsers.create("adm-b", siteB + ":ADMINISTRATOR"), TestUsers.PASSWORD);
  }

  @Test
  void aUserCreatedWithATemporaryPasswordMustChangeItAtFirstLogin() {
    String username = "new-" + suffix();
    Http.Reply created =
        post(adminA, users(siteAId), newUser(username).add("role", "EDITOR").build());
    assertEquals(201, created.status(), created.body());
    assertTrue(created.header("Location").orElseThrow().endsWith("/users/" + id(created)));
    JsonObject data = created.json().getJsonObject("data");
    String temporary = data.getString("temporaryPassword");
    assertTrue(data.getJsonObject("user").getBoolean("mustChangePassword"));
    assertEquals("EDITOR", data.getJsonObject("user").getString("role"));

    JsonObject session = Api.session(username, temporary);
    assertTrue(session.getBoolean("passwordChangeRequired"), session.toString());
    String token = session.getString("token");
    assertEquals(403, Api.get(token, "/api/interactions").status());
    Http.Reply changed =
        Api.post(
            token,
            "/api/auth/password",
            Json.createObjectBuilder()
                .add("currentPassword", temporary)
                .add("newPassword", "Chosen#2026pass")
                .build()
                .toString());
    assertTrue(changed.status() < 300, changed.body());
    assertFalse(Api.session(username, "Chosen#2026pass").getBoolean("passwordChangeRequired"));
  }

  @Test
  void aGivenPasswordMustMeetThePolicy() {
    String username = "pw-" + suffix();
    Http.Reply weak =
        post(
            adminA,
            users(siteAId),
            newUser(username).add("role", "VIEWER").add("password", "short").build());
    assertEquals(400, weak.status(), weak.body());
    assertTrue(fields(weak).contains("password"));

    Http.Reply good =
        post(
            adminA,
            users(siteAId),
            newUser(username).add("role", "VIEWER").add("password", "Strong#2026pw").build());
    assertEquals(201, good.status(), good.body());
    assertFalse(good.json().getJsonObject("data").containsKey("temporaryPassword"));
    assertFalse(Api.session(username, "Strong#2026pw").getBoolean("passwordChangeRequired"));
  }

  @Test
  void usernameAndEmailAreValidatedAndUnique() {
    Http.Reply bad =
        post(
            adminA,
            users(siteAId),
            Json.createObjectBuilder()
                .add("username", "a b")
                .add("email", "not-an-email")
                .add("role", "BOSS")
                .build());
    assertEquals(400, bad.status(), bad.body());
    assertEquals(Set.of("username", "email", "role"), fields(bad));

    Http.Reply taken =
        post(
            adminA,
            users(siteAId),
            Json.createObjectBuilder()
                .add("username", "ADMIN")
                .add("email", "Admin@Example.org")
                .add("role", "VIEWER")
                .build());
    assertEquals(400, taken.status(), taken.body());
    assertEquals(Set.of("username", "email"), fields(taken));
    assertTrue(taken.body().contains("taken"), taken.body());

    long id =
        id(post(adminA, users(siteAId), newUser("mail-" + suffix()).add("role", "VIEWER").build()));
    Http.Reply clash =
        Api.send("PATCH", adminA, users(siteAId) + "/" + id, "{\"email\":\"editor@example.org\"}");
    assertEquals(400, clash.status(), clash.body());
    assertEquals(Set.of("email"), fields(clash));
  }

  @Test
  void theListSearchesAndPages() {
    String tag = "srch" + suffix();
    for (int i = 0; i < 3; i++) {
      post(adminA, users(siteAId), newUser(tag + "-" + i).add("role", "VIEWER").build());
    }
    Http.Reply page1 = Api.get(adminA, users(siteAId) + "?search=" + tag + "&pageSize=2");
    assertEquals(200, page1.status(), page1.body());
    assertEquals(2, page1.json().getJsonArray("data").size());
    JsonObject pagination = page1.json().getJsonObject("meta").getJsonObject("pagination");
    assertEquals(3, pagination.getInt("totalRecords"));
    assertEquals(2, pagination.getInt("totalPages"));
    Http.Reply page2 = Api.get(adminA, users(siteAId) + "?search=" + tag + "&pageSize=2&page=2");
    assertEquals(
        tag + "-2", page2.json().getJsonArray("data").getJsonObject(0).getString("username"));
    assertEquals(400, Api.get(adminA, users(siteAId) + "?pageSize=500").status());
  }

  @Test
  void aRoleChangeAppliesAtTheUsersNextRequestAndIsAudited() {
    String username = TestUsers.create("role", siteA + ":EDITOR");
    String token = Api.token(username, TestUsers.PASSWORD);
    long id = userId(username);
    assertEquals(201, createInteraction(token).status());

    Http.Reply changed =
        Api.send("PUT", adminA, users(siteAId) + "/" + id + "/role", "{\"role\":\"VIEWER\"}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals("VIEWER", changed.json().getJsonObject("data").getString("role"));

    Http.Reply refused = createInteraction(token);
    assertEquals(403, refused.status(), refused.body());
    assertEquals(
        "VIEWER",
        Api.get(token, "/api/auth/me")
            .json()
            .getJsonObject("data")
            .getJsonObject("currentSite")
            .getString("role"));

    JsonObject entry =
        Api.get(adminA, "/api/audit?action=MEMBERSHIP_ROLE_CHANGED&user=" + adminUsername())
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals("EDITOR", entry.getJsonObject("oldValues").getString("role"));
    assertEquals("VIEWER", entry.getJsonObject("newValues").getString("role"));
    assertEquals(username, entry.getJsonObject("newValues").getString("user"));
  }

  @Test
  void removalFromASiteAppliesAtOnceButTheLastMembershipStays() {
    String username = TestUsers.create("rm", siteA + ":EDITOR", siteB + ":VIEWER");
    long id = userId(username);
    String token = Api.token(username, TestUsers.PASSWORD);
    String atA =
        Api.post(token, "/api/auth/site", "{\"siteId\":" + siteAId + "}")
            .json()
            .getJsonObject("data")
            .getString("token");
    assertEquals(200, Api.get(atA, "/api/interactions").status());

    Http.Reply removed = Api.send("DELETE", adminA, users(siteAId) + "/" + id, null);
    assertEquals(204, removed.status(), removed.body());
    Http.Reply revoked = Api.get(atA, "/api/interactions");
    assertEquals(403, revoked.status(), revoked.body());
    assertEquals("SITE_ACCESS_REVOKED", code(revoked));
    assertEquals(404, Api.get(adminA, users(siteAId) + "/" + id).status());

    Http.Reply last = Api.send("DELETE", adminB, users(siteBId) + "/" + id, null);
    assertEquals(409, last.status(), last.body());
    assertEquals("LAST_MEMBERSHIP", code(last));
    assertEquals("1", TestUsers.query("SELECT count(*) FROM user_site WHERE user_id = ?", id));
  }

  @Test
  void anAdministratorOfAnotherSiteOrOfNoSiteIsRefused() {
    String onlyB = TestUsers.create("only-b", siteB + ":EDITOR");
    long bUser = userId(onlyB);
    // Site B's address, and a user of site B under site A's address: both unknown to A's admin.
    List<Http.Reply> notFound =
        List.of(
            Api.get(adminA, users(siteBId)),
            Api.get(adminA, users(siteBId) + "/" + bUser),
            post(adminA, users(siteBId), newUser("x-" + suffix()).add("role", "VIEWER").build()),
            Api.get(adminA, users(siteAId) + "/" + bUser),
            Api.send(
                "PUT", adminA, users(siteAId) + "/" + bUser + "/role", "{\"role\":\"VIEWER\"}"),
            Api.send("DELETE", adminA, users(siteAId) + "/" + bUser, null),
            Api.post(adminA, users(siteAId) + "/" + bUser + "/password-reset", null),
            Api.post(adminA, users(siteAId) + "/" + bUser + "/deactivate", null),
            Api.post(adminA, users(siteAId) + "/" + bUser + "/unlock", null),
            Api.send(
                "PATCH", adminA, users(siteAId) + "/" + bUser, "{\"email\":\"x@example.org\"}"));
    for (Http.Reply reply : notFound) {
      assertEquals(404, reply.status(), reply.body());
      assertFalse(reply.body().contains(onlyB), reply.body());
    }
    assertEquals("EDITOR", TestUsers.query("SELECT role FROM user_site WHERE user_id = ?", bUser));

    String editorA = Api.token(TestUsers.create("ed-a", siteA + ":EDITOR"), TestUsers.PASSWORD);
    Http.Reply forbidden = Api.get(editorA, users(siteAId));
    assertEquals(403, forbidden.status(), forbidden.body());
    assertEquals(
        403,
        post(editorA, users(siteAId), newUser("y-" + suffix()).add("role", "VIEWER").build())
            .status());
  }

  @Test
  void deactivationEndsAccessAndReactivationRestoresIt() {
    String username = TestUsers.create("deact", siteA + ":VIEWER");
    long id = userId(username);
    String token = Api.token(username, TestUsers.PASSWORD);
    Http.Reply off = Api.post(adminA, users(siteAId) + "/" + id + "/deactivate", null);
    assertEquals(200, off.status(), off.body());
    assertFalse(off.json().getJsonObject("data").getBoolean("active"));
    assertEquals(401, Api.get(token, "/api/auth/me").status());
    assertEquals(401, Api.login(username, TestUsers.PASSWORD).status());

    assertEquals(200, Api.post(adminA, users(siteAId) + "/" + id + "/reactivate", null).status());
    assertEquals(200, Api.login(username, TestUsers.PASSWORD).status());

    long self = userId(adminUsername());
    Http.Reply own = Api.post(adminA, users(siteAId) + "/" + self + "/deactivate", null);
    assertEquals(409, own.status(), own.body());
  }

  @Test
  void unlockAndPasswordReset() {
    String username = TestUsers.create("lock", siteA + ":VIEWER");
    long id = userId(username);
    String token = Api.token(username, TestUsers.PASSWORD);
    TestUsers.execute(
        "UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = ?", id);
    assertEquals(423, Api.login(username, TestUsers.PASSWORD).status());
    Http.Reply unlocked = Api.post(adminA, users(siteAId) + "/" + id + "/unlock", null);
    assertEquals(200, unlocked.status(), unlocked.body());
    assertFalse(unlocked.json().getJsonObject("data").getBoolean("locked"));
    assertEquals(200, Api.login(username, TestUsers.PASSWORD).status());

    Http.Reply reset = Api.post(adminA, users(siteAId) + "/" + id + "/password-reset", null);
    assertEquals(200, reset.status(), reset.body());
    String temporary = reset.json().getJsonObject("data").getString("temporaryPassword");
    assertEquals(401, Api.get(token, "/api/auth/me").status(), "open sessions end");
    assertEquals(401, Api.login(username, TestUsers.PASSWORD).status());
    assertTrue(Api.session(username, temporary).getBoolean("passwordChangeRequired"));
  }

  @Test
  void anExistingUserIsAddedOnceByUsername() {
    String username = TestUsers.create("add", siteB + ":VIEWER");
    String body = "{\"username\":\"" + username.toUpperCase() + "\",\"role\":\"EDITOR\"}";
    Http.Reply added = post(adminA, users(siteAId) + "/memberships", body);
    assertEquals(201, added.status(), added.body());
    assertEquals("EDITOR", added.json().getJsonObject("data").getString("role"));
    String token = Api.token(username, TestUsers.PASSWORD);
    assertEquals(200, Api.post(token, "/api/auth/site", "{\"siteId\":" + siteAId + "}").status());

    assertEquals(409, post(adminA, users(siteAId) + "/memberships", body).status());
    assertEquals(
        404,
        post(
                adminA,
                users(siteAId) + "/memberships",
                "{\"username\":\"nobody-" + suffix() + "\",\"role\":\"EDITOR\"}")
            .status());
  }

  @Test
  void accountWideChangesNeedTheAdministratorOfEverySiteOfTheUser() {
    String username = TestUsers.create("shared", siteA + ":VIEWER", siteB + ":ADMINISTRATOR");
    long id = userId(username);
    Http.Reply reset = Api.post(adminA, users(siteAId) + "/" + id + "/password-reset", null);
    assertEquals(403, reset.status(), reset.body());
    assertEquals("USER_OF_OTHER_SITES", code(reset));
    assertEquals(
        403,
        Api.send("PATCH", adminA, users(siteAId) + "/" + id, "{\"email\":\"s@example.org\"}")
            .status());
    assertEquals(403, Api.post(adminA, users(siteAId) + "/" + id + "/deactivate", null).status());
    assertEquals(200, Api.post(adminA, users(siteAId) + "/" + id + "/unlock", null).status());

    // A global administrator may: the demo admin administers Headquarters but not Research Lab.
    String both = TestUsers.create("glob", "Headquarters:VIEWER", "Research Lab:VIEWER");
    String hq = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    Http.Reply email =
        Api.send(
            "PATCH",
            Api.demoToken("admin"),
            users(Long.parseLong(hq)) + "/" + userId(both),
            "{\"email\":\"" + both + "@changed.example\"}");
    assertEquals(200, email.status(), email.body());
    assertEquals(both + "@changed.example", email.json().getJsonObject("data").getString("email"));
  }

  @Test
  void theSiteAdministratorSeesOnlyTheirSitesInTheAuditLog() {
    String username = TestUsers.create("aud", siteB + ":VIEWER");
    Api.send(
        "PUT", adminB, users(siteBId) + "/" + userId(username) + "/role", "{\"role\":\"EDITOR\"}");
    JsonObject seenByB =
        Api.get(adminB, "/api/audit?action=MEMBERSHIP_ROLE_CHANGED&site=" + siteBId).json();
    assertTrue(seenByB.getJsonArray("data").size() >= 1, seenByB.toString());
    JsonObject seenByA =
        Api.get(adminA, "/api/audit?action=MEMBERSHIP_ROLE_CHANGED&site=" + siteBId).json();
    assertEquals(0, seenByA.getJsonArray("data").size(), seenByA.toString());
    assertEquals(400, Api.get(adminA, "/api/audit?action=NO_SUCH&from=yesterday").status());
  }

  private static Http.Reply createInteraction(String token) {
    return Api.post(
        token,
        "/api/interactions",
        Json.createObjectBuilder()
            .add("title", "Role test " + UUID.randomUUID())
            .add("type", "Meeting")
            .add("lead", "Amelia Hughes")
            .add("startDateTime", "2026-05-04T09:00:00+01:00")
            .add("endDateTime", "2026-05-04T10:00:00+01:00")
            .add("timezone", "Europe/London")
            .build()
            .toString());
  }

  private static String adminUsername() {
    return Api.get(adminA, "/api/auth/me")
        .json()
        .getJsonObject("data")
        .getJsonObject("user")
        .getString("username");
  }

  private static JsonObjectBuilder newUser(String username) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("email", username + "@test.example");
  }

  private static Http.Reply post(String token, String path, Object body) {
    return Api.post(token, path, body.toString());
  }

  private static String users(long siteId) {
    return "/api/sites/" + siteId + "/users";
  }

  private static long id(Http.Reply created) {
    JsonObject data = created.json().getJsonObject("data");
    JsonObject user = data.containsKey("user") ? data.getJsonObject("user") : data;
    return user.getJsonNumber("id").longValue();
  }

  private static Set<String> fields(Http.Reply reply) {
    return reply.json().getJsonObject("error").getJsonArray("details").stream()
        .map(d -> d.asJsonObject().getString("field"))
        .collect(Collectors.toSet());
  }

  private static String code(Http.Reply reply) {
    return reply.json().getJsonObject("error").getString("code");
  }

  private static long siteId(String name) {
    return Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", name));
  }

  private static long userId(String username) {
    return Long.parseLong(TestUsers.query("SELECT id FROM users WHERE username = ?", username));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
