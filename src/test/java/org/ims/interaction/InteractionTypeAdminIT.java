package org.ims.interaction;

import static org.ims.interaction.Interactions.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A site's ADMINISTRATORs add, rename, reorder, retire and reinstate its interaction types; forms
 * offer the active ones in order, and interactions keep a type retired since.
 *
 * <p>Runs after the classes that check the demo data as seeded: it adds sites.
 */
@Order(Integer.MAX_VALUE - 100)
class InteractionTypeAdminIT {

  private String site;
  private long siteId;
  private String admin;
  private String editor;

  @BeforeEach
  void freshSite() {
    site = TestUsers.createSite("Types");
    siteId = Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", site));
    admin = Api.token(TestUsers.create("types-adm", site + ":ADMINISTRATOR"), TestUsers.PASSWORD);
    editor = Api.token(TestUsers.create("types-ed", site + ":EDITOR"), TestUsers.PASSWORD);
  }

  @Test
  void addedTypesAreOfferedLastAndNamesAreUniqueAndValid() {
    Http.Reply added = Api.post(admin, types(), "{\"name\":\" Site visit \"}");
    assertEquals(201, added.status(), added.body());
    assertEquals("Site visit", added.json().getJsonObject("data").getString("name"));
    List<String> offered = offered();
    assertEquals("Site visit", offered.get(offered.size() - 1));

    for (String name : List.of("\"site VISIT\"", "\"  \"", "\"" + "x".repeat(51) + "\"")) {
      Http.Reply refused = Api.post(admin, types(), "{\"name\":" + name + "}");
      assertEquals(400, refused.status(), refused.body());
      assertEquals(
          "name",
          refused
              .json()
              .getJsonObject("error")
              .getJsonArray("details")
              .getJsonObject(0)
              .getString("field"));
    }
  }

  @Test
  void renamingATypeRenamesItsInteractions() {
    long interaction = Interactions.id(Interactions.created(editor, body().add("type", "Call")));
    Http.Reply renamed =
        Api.send("PUT", admin, types() + "/" + typeId("Call"), "{\"name\":\"Phone call\"}");
    assertEquals(200, renamed.status(), renamed.body());
    assertTrue(offered().contains("Phone call"));
    JsonObject after = Interactions.get(editor, interaction).json().getJsonObject("data");
    assertEquals("Phone call", after.getString("type"));
    assertEquals(1, after.getInt("version"), "an open form must not save the old name back");
  }

  @Test
  void theOrderIsTheAdministratorsAndNamesEveryTypeOnce() {
    List<Long> ids = new ArrayList<>();
    allTypes().forEach(t -> ids.add(t.asJsonObject().getJsonNumber("id").longValue()));
    Collections.reverse(ids);
    Http.Reply reordered = Api.send("PUT", admin, types() + "/order", order(ids));
    assertEquals(200, reordered.status(), reordered.body());
    assertEquals(
        List.of("Other", "Training", "Review", "Update", "Email", "Call", "Meeting"), offered());

    Http.Reply partial = Api.send("PUT", admin, types() + "/order", order(ids.subList(0, 3)));
    assertEquals(400, partial.status(), partial.body());
  }

  @Test
  void aRetiredTypeIsNotOfferedButStaysOnItsInteractions() {
    long interaction = Interactions.id(Interactions.created(editor, body().add("type", "Email")));
    long email = typeId("Email");
    Http.Reply retired = Api.post(admin, types() + "/" + email + "/retire", null);
    assertEquals(200, retired.status(), retired.body());
    assertTrue(retired.json().getJsonObject("data").getBoolean("retired"));
    assertTrue(!offered().contains("Email"));
    assertTrue(allTypes().toString().contains("Email"), "still listed for administrators");

    Http.Reply refused = Interactions.create(editor, body().add("type", "Email"));
    assertEquals(400, refused.status(), refused.body());
    Http.Reply kept =
        Interactions.put(
            editor, interaction, body().add("type", "Email").add("title", "Kept"), "If-Match", "0");
    assertEquals(200, kept.status(), kept.body());

    assertEquals(200, Api.post(admin, types() + "/" + email + "/reinstate", null).status());
    assertTrue(offered().contains("Email"));
    assertEquals(201, Interactions.create(editor, body().add("type", "Email")).status());
  }

  @Test
  void onlyThisSitesAdministratorsManageItsTypes() {
    assertEquals(403, Api.get(editor, types() + "/all").status());
    assertEquals(403, Api.post(editor, types(), "{\"name\":\"Sneaky\"}").status());
    long call = typeId("Call");
    assertEquals(403, Api.post(editor, types() + "/" + call + "/retire", null).status());

    // Another site's address, and another site's type under this site's address.
    String other = TestUsers.createSite("Types other");
    long otherId = Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", other));
    assertEquals(404, Api.get(admin, "/api/sites/" + otherId + "/interaction-types/all").status());
    assertEquals(
        404,
        Api.post(admin, "/api/sites/" + otherId + "/interaction-types", "{\"name\":\"X\"}")
            .status());
    String otherAdmin =
        Api.token(TestUsers.create("types-oth", other + ":ADMINISTRATOR"), TestUsers.PASSWORD);
    Http.Reply foreign =
        Api.post(
            otherAdmin, "/api/sites/" + otherId + "/interaction-types/" + call + "/retire", null);
    assertEquals(404, foreign.status(), foreign.body());
    assertTrue(offered().contains("Call"));
  }

  private String types() {
    return "/api/sites/" + siteId + "/interaction-types";
  }

  private List<String> offered() {
    return Api.get(editor, types()).json().getJsonArray("data").stream()
        .map(t -> t.asJsonObject().getString("name"))
        .toList();
  }

  private JsonArray allTypes() {
    Http.Reply reply = Api.get(admin, types() + "/all");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("data");
  }

  private long typeId(String name) {
    return allTypes().stream()
        .map(t -> t.asJsonObject())
        .filter(t -> t.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  private static String order(List<Long> ids) {
    var array = Json.createArrayBuilder();
    ids.forEach(array::add);
    return Json.createObjectBuilder().add("ids", array).build().toString();
  }
}
