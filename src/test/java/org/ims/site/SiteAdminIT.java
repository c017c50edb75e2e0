package org.ims.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Sites are read by their members and configured by global administrators only; a deactivated site
 * leaves site selection, and a member working there can still read it but change nothing.
 *
 * <p>Runs after the classes that check the demo data as seeded: it adds sites.
 */
@Order(Integer.MAX_VALUE - 100)
class SiteAdminIT {

  private final String global = globalAdministrator();

  /**
   * A global administrator of its own, working at Headquarters: the sites it creates make it their
   * ADMINISTRATOR, which must not change the demo admin's sites other tests count.
   */
  static String globalAdministrator() {
    String username = TestUsers.create("global", "Headquarters:VIEWER");
    TestUsers.execute("UPDATE users SET global_admin = true WHERE username = ?", username);
    return Api.token(username, TestUsers.PASSWORD);
  }

  @Test
  void membersSeeTheirSitesAndGlobalAdministratorsSeeAll() {
    String viewer = Api.demoToken("viewer");
    JsonArray mine = Api.get(viewer, "/api/sites").json().getJsonArray("data");
    assertEquals(List.of("Headquarters"), names(mine));
    assertEquals("VIEWER", mine.getJsonObject(0).getString("role"));
    assertEquals(404, Api.get(viewer, "/api/sites/" + siteId("Field Office")).status());
    assertEquals(200, Api.get(viewer, "/api/sites/" + siteId("Headquarters")).status());

    List<String> all = names(Api.get(global, "/api/sites").json().getJsonArray("data"));
    assertTrue(all.containsAll(List.of("Headquarters", "Field Office", "Research Lab")), "" + all);
    JsonObject lab =
        Api.get(global, "/api/sites/" + siteId("Research Lab")).json().getJsonObject("data");
    assertEquals(JsonValue.NULL, lab.get("role") == null ? JsonValue.NULL : lab.get("role"));
  }

  @Test
  void aCreatedSiteIsAdministeredByItsCreatorAndHasTheDefaultTypes() {
    String name = "North " + UUID.randomUUID().toString().substring(0, 8);
    Http.Reply created = create(global, name, "Warehouse");
    assertEquals(201, created.status(), created.body());
    JsonObject site = created.json().getJsonObject("data");
    assertEquals("ADMINISTRATOR", site.getString("role"));
    assertTrue(site.getBoolean("active"));
    long id = site.getJsonNumber("id").longValue();
    assertTrue(created.header("Location").orElseThrow().endsWith("/api/sites/" + id));

    String atNewSite = switchTo(global, id);
    Http.Reply types = Api.get(atNewSite, "/api/sites/" + id + "/interaction-types");
    assertEquals(7, types.json().getJsonArray("data").size(), types.body());

    Http.Reply duplicate = create(global, name.toUpperCase(), null);
    assertEquals(400, duplicate.status(), duplicate.body());
    assertEquals(400, create(global, "  ", null).status());
  }

  @Test
  void renamingAndDescribingIsAudited() {
    long id = id(create(global, "Old " + UUID.randomUUID().toString().substring(0, 8), "Before"));
    String newName = "New " + UUID.randomUUID().toString().substring(0, 8);
    Http.Reply changed =
        Api.send(
            "PUT",
            global,
            "/api/sites/" + id,
            Json.createObjectBuilder()
                .add("name", newName)
                .add("description", "After")
                .build()
                .toString());
    assertEquals(200, changed.status(), changed.body());
    assertEquals(newName, changed.json().getJsonObject("data").getString("name"));
    JsonObject entry =
        Api.get(global, "/api/audit?action=SITE_UPDATED&entityType=Site&entityId=" + id)
            .json()
            .getJsonArray("data")
            .getJsonObject(0);
    assertEquals("Before", entry.getJsonObject("oldValues").getString("description"));
    assertEquals("After", entry.getJsonObject("newValues").getString("description"));
  }

  private static final String NEW_INTERACTION =
      "{\"title\":\"Closing review\",\"type\":\"Meeting\",\"lead\":\"Amelia Hughes\","
          + "\"startDateTime\":\"2026-05-04T09:00:00+01:00\","
          + "\"endDateTime\":\"2026-05-04T10:00:00+01:00\",\"timezone\":\"Europe/London\"}";

  @Test
  void aDeactivatedSiteIsHiddenFromSelectionAndReadOnlyForItsMembers() {
    String name = "Closing " + UUID.randomUUID().toString().substring(0, 8);
    long id = id(create(global, name, null));
    String member = TestUsers.create("closing", "Headquarters:VIEWER", name + ":EDITOR");
    String token = Api.token(member, TestUsers.PASSWORD);
    String atSite = switchTo(token, id);
    assertEquals(200, Api.get(atSite, "/api/interactions").status());

    Http.Reply off = Api.post(global, "/api/sites/" + id + "/deactivate", null);
    assertEquals(200, off.status(), off.body());
    assertFalse(off.json().getJsonObject("data").getBoolean("active"));
    assertEquals(200, Api.get(atSite, "/api/interactions").status(), "still readable");
    Http.Reply write = Api.post(atSite, "/api/interactions", NEW_INTERACTION);
    assertEquals(403, write.status(), write.body());
    assertTrue(write.body().contains("SITE_READ_ONLY"), write.body());
    assertFalse(
        Api.get(token, "/api/auth/sites").body().contains(name), "hidden from site selection");
    assertEquals(403, Api.post(token, "/api/auth/site", "{\"siteId\":" + id + "}").status());
    assertEquals(
        Boolean.FALSE.toString(),
        String.valueOf(
            Api.get(global, "/api/sites/" + id).json().getJsonObject("data").getBoolean("active")));

    assertEquals(200, Api.post(global, "/api/sites/" + id + "/reactivate", null).status());
    assertEquals(200, Api.post(token, "/api/auth/site", "{\"siteId\":" + id + "}").status());
    assertEquals(
        201, Api.post(atSite, "/api/interactions", NEW_INTERACTION).status(), "writable again");

    Http.Reply own = Api.post(global, "/api/sites/" + siteId("Headquarters") + "/deactivate", null);
    assertEquals(409, own.status(), own.body());
  }

  @Test
  void onlyGlobalAdministratorsConfigureSites() {
    String siteAdmin =
        Api.token(TestUsers.create("site-adm", "Research Lab:ADMINISTRATOR"), TestUsers.PASSWORD);
    long lab = siteId("Research Lab");
    List<Http.Reply> refused =
        List.of(
            create(siteAdmin, "Mine " + UUID.randomUUID(), null),
            Api.send("PUT", siteAdmin, "/api/sites/" + lab, "{\"name\":\"Renamed\"}"),
            Api.post(siteAdmin, "/api/sites/" + lab + "/deactivate", null),
            Api.post(siteAdmin, "/api/sites/" + lab + "/reactivate", null));
    for (Http.Reply reply : refused) {
      assertEquals(403, reply.status(), reply.body());
    }
    assertEquals("Research Lab", TestUsers.query("SELECT name FROM sites WHERE id = ?", lab));
  }

  private static Http.Reply create(String token, String name, String description) {
    var body = Json.createObjectBuilder().add("name", name);
    if (description != null) {
      body.add("description", description);
    }
    return Api.post(token, "/api/sites", body.build().toString());
  }

  private static String switchTo(String token, long siteId) {
    Http.Reply reply = Api.post(token, "/api/auth/site", "{\"siteId\":" + siteId + "}");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonObject("data").getString("token");
  }

  private static long id(Http.Reply created) {
    assertEquals(201, created.status(), created.body());
    return created.json().getJsonObject("data").getJsonNumber("id").longValue();
  }

  private static List<String> names(JsonArray sites) {
    return sites.stream().map(s -> s.asJsonObject().getString("name")).toList();
  }

  private static long siteId(String name) {
    return Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", name));
  }
}
