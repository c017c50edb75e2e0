package org.ims.interaction;

import static org.ims.interaction.Interactions.body;
import static org.ims.interaction.Interactions.created;
import static org.ims.interaction.Interactions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * No user ever reads or writes another site's data: for every interaction endpoint, ids of site B
 * used by a user of site A answer 404 with nothing of the record, change nothing, and are recorded.
 * The same holds for a user who belongs to both sites but works at A.
 */
class SiteIsolationIT {

  private final String labEditor = Api.demoToken("lab");
  private final String adminAtFieldOffice = Api.demoToken("admin", "Field Office");

  @Test
  void everyEndpointAnswers404ForAnotherSitesIdAndChangesNothing() {
    String admin = Api.demoToken("admin");
    JsonObject secret =
        created(admin, body().add("title", "Secret HQ plan").add("notes", "confidential"));
    long id = id(secret);
    JsonObject deletedSecret = created(admin, body().add("title", "Deleted HQ plan"));
    Api.send("DELETE", admin, "/api/interactions/" + id(deletedSecret), null);

    for (String token : List.of(labEditor, adminAtFieldOffice)) {
      List<Http.Reply> replies =
          List.of(
              Interactions.get(token, id),
              Interactions.put(token, id, body().add("title", "Hijacked"), "If-Match", "\"0\""),
              Api.send("DELETE", token, "/api/interactions/" + id, null),
              Api.send("POST", token, "/api/interactions/" + id(deletedSecret) + "/restore", null));
      for (Http.Reply reply : replies) {
        assertEquals(404, reply.status(), reply.body());
        assertEquals("NOT_FOUND", reply.json().getJsonObject("error").getString("code"));
        assertFalse(reply.body().contains("Secret HQ plan"), reply.body());
        assertFalse(reply.body().contains("confidential"), reply.body());
      }
    }
    JsonObject after = Interactions.get(admin, id).json().getJsonObject("data");
    assertEquals("Secret HQ plan", after.getString("title"));
    assertEquals(0, after.getInt("version"), "unchanged");
    assertEquals(
        1,
        TestUsers.interactionsAt(
            "Headquarters", "id = " + id(deletedSecret) + " AND deleted_at IS NOT NULL"),
        "still deleted");
  }

  @Test
  void anotherSitesRecordsNeverShowInItsDeletedList() {
    String admin = Api.demoToken("admin");
    JsonObject hq = created(admin, body());
    Api.send("DELETE", admin, "/api/interactions/" + id(hq), null);
    List<Long> visible =
        Api.get(adminAtFieldOffice, "/api/interactions/deleted")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(Interactions::id)
            .toList();
    assertFalse(visible.contains(id(hq)));
  }

  @Test
  void anotherSitesTypesAre404() {
    String headquarters = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    Http.Reply reply = Api.get(labEditor, "/api/sites/" + headquarters + "/interaction-types");
    assertEquals(404, reply.status());
  }

  @Test
  void aForeignIdIsRecordedAsASecurityEventWithUserSiteIdAndAddress() {
    String admin = Api.demoToken("admin");
    long id = id(created(admin, body()));
    Http.Reply reply = Interactions.get(labEditor, id);
    String requestId = reply.header("X-Request-ID").orElseThrow();
    assertEquals(
        "NOT_FOUND_BY_ID lab " + id + " 127.0.0.1",
        TestUsers.query(
            "SELECT action || ' ' || username || ' ' || (details->>'id') || ' ' || ip_address"
                + " FROM audit_log WHERE request_id = ?",
            requestId));
    assertEquals(
        TestUsers.query("SELECT id FROM sites WHERE name = 'Research Lab'"),
        TestUsers.query("SELECT site_id FROM audit_log WHERE request_id = ?", requestId));
  }

  @Test
  void aRecordIsCreatedAtTheCallersActiveSiteWhateverTheBodySays() {
    String headquarters = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    JsonObject data = created(labEditor, body().add("siteId", Long.parseLong(headquarters)));
    assertEquals(
        TestUsers.query("SELECT id FROM sites WHERE name = 'Research Lab'"),
        data.getJsonNumber("siteId").toString());
    assertEquals(0, TestUsers.interactionsAt("Headquarters", "id = " + id(data)));
  }
}
