package org.ims.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The audit viewer shows a site's administrators what happened at their sites (sign-ins and their
 * failures with the address, refusals, changes), filtered and in pages, and nothing of other sites.
 *
 * <p>Runs after the classes that check the demo data as seeded: it adds sites.
 */
@Order(Integer.MAX_VALUE - 100)
class AuditViewerIT {

  @Test
  void aSiteAdministratorSeesTheirUsersSignInsAndRefusalsFilteredAndPaged() {
    String site = TestUsers.createSite("Audit");
    String other = TestUsers.createSite("Audit other");
    String admin =
        Api.token(TestUsers.create("aud-adm", site + ":ADMINISTRATOR"), TestUsers.PASSWORD);
    String otherAdmin =
        Api.token(TestUsers.create("aud-oth", other + ":ADMINISTRATOR"), TestUsers.PASSWORD);
    String user = TestUsers.create("aud-user", site + ":VIEWER");
    long siteId = Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", site));

    assertEquals(401, Api.login(user, "Wrong#2026pass").status());
    String token = Api.token(user, TestUsers.PASSWORD);
    assertEquals(403, Api.get(token, "/api/sites/" + siteId + "/users").status());

    JsonObject failures = page(admin, "?user=" + user + "&action=LOGIN_FAILED");
    JsonArray entries = failures.getJsonArray("data");
    assertEquals(1, entries.size(), failures.toString());
    JsonObject failure = entries.getJsonObject(0);
    assertFalse(failure.getString("ipAddress").isBlank());
    assertEquals("BAD_PASSWORD", failure.getJsonObject("details").getString("reason"));

    JsonObject paged =
        page(admin, "?user=" + user + "&action=LOGIN_FAILED,ACCESS_DENIED&pageSize=1&page=2");
    JsonObject pagination = paged.getJsonObject("meta").getJsonObject("pagination");
    assertEquals(2, pagination.getInt("totalRecords"), paged.toString());
    assertEquals(2, pagination.getInt("totalPages"));
    assertEquals(
        "LOGIN_FAILED",
        paged.getJsonArray("data").getJsonObject(0).getString("action"),
        "oldest last");

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertEquals(0, page(admin, "?user=" + user + "&from=" + tomorrow).getJsonArray("data").size());
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertEquals(
        3,
        page(admin, "?user=" + user + "&from=" + today + "&to=" + today)
            .getJsonArray("data")
            .size(),
        "failed login, login, refusal");

    assertEquals(0, page(otherAdmin, "?user=" + user).getJsonArray("data").size());
  }

  private static JsonObject page(String token, String query) {
    Http.Reply reply = Api.get(token, "/api/audit" + query);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }
}
