package org.ims.interaction;

import static org.ims.interaction.Interactions.body;
import static org.ims.interaction.Interactions.create;
import static org.ims.interaction.Interactions.created;
import static org.ims.interaction.Interactions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The interaction API within one site: contract, validation, locking, roles, lifecycle, audit. */
class InteractionApiIT {

  private final String admin = Api.demoToken("admin");
  private final String viewer = Api.demoToken("viewer");

  @Test
  void createAnswers201WithLocationETagAndTheRecord() {
    String title = "Kickoff " + UUID.randomUUID();
    Http.Reply reply = create(admin, body().add("title", title));
    assertEquals(201, reply.status(), reply.body());
    JsonObject data = reply.json().getJsonObject("data");
    assertEquals(title, data.getString("title"));
    assertEquals("admin", data.getString("createdBy"));
    assertEquals(0, data.getInt("version"));
    assertEquals("\"0\"", reply.header("ETag").orElseThrow());
    String location = reply.header("Location").orElseThrow();
    assertTrue(location.endsWith("/api/interactions/" + id(data)), location);
    Http.Reply read = Interactions.get(admin, id(data));
    assertEquals(200, read.status());
    assertEquals(title, read.json().getJsonObject("data").getString("title"));
    assertEquals("\"0\"", read.header("ETag").orElseThrow());
  }

  @Test
  void readOnlyPropertiesSentByTheClientAreIgnored() {
    String lab = TestUsers.query("SELECT id FROM sites WHERE name = 'Research Lab'");
    JsonObject data =
        created(
            admin,
            body()
                .add("siteId", Long.parseLong(lab))
                .add("id", 1)
                .add("createdBy", "someone")
                .add("createdAt", "2000-01-01T00:00:00Z"));
    String headquarters = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    assertEquals(Long.parseLong(headquarters), data.getJsonNumber("siteId").longValue());
    assertEquals("admin", data.getString("createdBy"));
    assertTrue(id(data) != 1);
  }

  @Test
  void everyFailingFieldIsListedAndNothingIsStored() {
    long before = TestUsers.interactionsAt("Headquarters", "true");
    Http.Reply reply =
        create(
            admin,
            body()
                .add("title", " ")
                .add("type", "Party")
                .add("lead", "x".repeat(101))
                .add("startDateTime", "2026-05-04 09:00")
                .add("timezone", "Mars/Olympus")
                .add("notes", "n".repeat(10_001)));
    assertEquals(400, reply.status());
    JsonObject error = reply.json().getJsonObject("error");
    assertEquals("VALIDATION_ERROR", error.getString("code"));
    Set<String> fields =
        Set.copyOf(
            error.getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field"))
                .toList());
    assertEquals(Set.of("title", "type", "lead", "startDateTime", "timezone", "notes"), fields);
    assertEquals(before, TestUsers.interactionsAt("Headquarters", "true"), "nothing stored");
  }

  @Test
  void theEndMustComeAfterTheStart() {
    Http.Reply reply = create(admin, body().add("endDateTime", "2026-05-04T08:00:00+01:00"));
    assertEquals(400, reply.status());
    assertEquals(
        "endDateTime",
        reply
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field"));
  }

  @Test
  void badBodiesAre4xxEnvelopesAndStoreNothing() {
    long before = TestUsers.interactionsAt("Headquarters", "true");
    Http.Reply unknown = create(admin, body().add("colour", "red"));
    assertEquals(400, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("colour"), "names the unknown property");
    Http.Reply malformed = Api.send("POST", admin, "/api/interactions", "{\"title\": ");
    assertEquals(400, malformed.status());
    Http.Reply wrongType = create(admin, body().add("version", "not-a-number"));
    assertEquals(400, wrongType.status());
    String huge = body().add("description", "d".repeat(1_100_000)).build().toString();
    Http.Reply tooLarge = Api.send("POST", admin, "/api/interactions", huge);
    assertEquals(413, tooLarge.status());
    assertEquals("PAYLOAD_TOO_LARGE", tooLarge.json().getJsonObject("error").getString("code"));
    assertEquals(before, TestUsers.interactionsAt("Headquarters", "true"), "nothing stored");
  }

  @Test
  void aSecondSameTitleOnTheSameDayNeedsConfirmation() {
    String title = "Weekly sync " + UUID.randomUUID();
    created(admin, body().add("title", title));
    Http.Reply again = create(admin, body().add("title", title.toUpperCase()));
    assertEquals(409, again.status());
    assertEquals("DUPLICATE_TITLE", again.json().getJsonObject("error").getString("code"));
    Http.Reply otherDay =
        create(
            admin,
            body()
                .add("title", title)
                .add("startDateTime", "2026-05-05T09:00:00+01:00")
                .add("endDateTime", "2026-05-05T10:00:00+01:00"));
    assertEquals(201, otherDay.status(), "another day is fine");
    Http.Reply confirmed =
        Api.send(
            "POST",
            admin,
            "/api/interactions?allowDuplicate=true",
            body().add("title", title).build().toString());
    assertEquals(201, confirmed.status());
  }

  @Test
  void updatesNeedTheCurrentVersionAndNeverLoseAChange() {
    JsonObject original = created(admin, body());
    long id = id(original);
    Http.Reply first =
        Interactions.put(admin, id, body().add("title", "First " + id), "If-Match", "\"0\"");
    assertEquals(200, first.status(), first.body());
    assertEquals("\"1\"", first.header("ETag").orElseThrow());
    assertEquals("admin", first.json().getJsonObject("data").getString("updatedBy"));

    Http.Reply stale =
        Interactions.put(admin, id, body().add("title", "Stale " + id), "If-Match", "\"0\"");
    assertEquals(409, stale.status());
    assertEquals("CONFLICT", stale.json().getJsonObject("error").getString("code"));
    assertTrue(stale.body().contains("The current version is 1."), stale.body());

    Http.Reply staleBody =
        Interactions.put(admin, id, body().add("title", "Stale").add("version", 0));
    assertEquals(409, staleBody.status());
    Http.Reply noVersion = Interactions.put(admin, id, body());
    assertEquals(428, noVersion.status(), "a change must say which version it changes");
    assertEquals(
        "PRECONDITION_REQUIRED", noVersion.json().getJsonObject("error").getString("code"));
    assertEquals(
        "First " + id, Interactions.get(admin, id).json().getJsonObject("data").getString("title"));
  }

  @Test
  void ofTwoConcurrentEditsOfOneVersionExactlyOneWins() throws Exception {
    long id = id(created(admin, body()));
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> edit =
        () -> {
          start.await();
          return Interactions.put(
                  admin, id, body().add("title", "Edit " + UUID.randomUUID()), "If-Match", "\"0\"")
              .status();
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = List.of(pool.submit(edit), pool.submit(edit));
      start.countDown();
      List<Integer> statuses =
          List.of(results.get(0).get(), results.get(1).get()).stream().sorted().toList();
      assertEquals(List.of(200, 409), statuses);
    } finally {
      pool.shutdown();
    }
    assertEquals(1, Interactions.get(admin, id).json().getJsonObject("data").getInt("version"));
  }

  @Test
  void rolesDecideWhoMayWriteDeleteAndRestore() {
    String editor = Api.demoToken("editor");
    assertEquals(403, create(viewer, body()).status(), "VIEWERs read only");
    long hq = id(created(admin, body()));
    assertEquals(200, Interactions.get(viewer, hq).status(), "VIEWERs read");
    assertEquals(403, Interactions.put(viewer, hq, body(), "If-Match", "\"0\"").status());
    assertEquals(403, Api.send("DELETE", viewer, "/api/interactions/" + hq, null).status());

    long fieldOffice = id(created(editor, body()));
    assertEquals(
        200,
        Interactions.put(editor, fieldOffice, body(), "If-Match", "\"0\"").status(),
        "EDITORs edit");
    Http.Reply editorDelete = Api.send("DELETE", editor, "/api/interactions/" + fieldOffice, null);
    assertEquals(403, editorDelete.status());
    assertEquals("FORBIDDEN", editorDelete.json().getJsonObject("error").getString("code"));
    assertEquals(403, Api.get(editor, "/api/interactions/deleted").status());
  }

  @Test
  void deleteHidesRestoreBringsBackAndEverythingIsAudited() {
    JsonObject original = created(admin, body());
    long id = id(original);
    assertEquals(
        204,
        Api.send("DELETE", admin, "/api/interactions/" + id, null, "If-Match", "\"0\"").status());
    assertEquals(404, Interactions.get(admin, id).status(), "gone from reads");
    assertEquals(
        1, TestUsers.interactionsAt("Headquarters", "id = " + id + " AND deleted_at IS NOT NULL"));

    List<JsonObject> deleted =
        Api.get(admin, "/api/interactions/deleted")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class);
    JsonObject entry = deleted.stream().filter(d -> id(d) == id).findFirst().orElseThrow();
    assertEquals("admin", entry.getString("deletedBy"));

    Http.Reply restored = Api.send("POST", admin, "/api/interactions/" + id + "/restore", null);
    assertEquals(200, restored.status(), restored.body());
    assertEquals(200, Interactions.get(admin, id).status());
    assertEquals(
        404,
        Api.send("POST", admin, "/api/interactions/" + id + "/restore", null).status(),
        "not deleted now");

    assertEquals(
        "INTERACTION_CREATED,INTERACTION_DELETED,INTERACTION_RESTORED",
        TestUsers.query(
            "SELECT string_agg(action, ',' ORDER BY id) FROM audit_log"
                + " WHERE entity_type = 'Interaction' AND entity_id = ?",
            Long.toString(id)));
    assertEquals(
        original.getString("title"),
        TestUsers.query(
            "SELECT old_values->>'title' FROM audit_log WHERE action = 'INTERACTION_DELETED' AND entity_id = ?",
            Long.toString(id)));
  }

  @Test
  void anUpdateIsAuditedWithOldAndNewValues() {
    long id = id(created(admin, body().add("lead", "Before Person")));
    Interactions.put(admin, id, body().add("lead", "After Person"), "If-Match", "\"0\"");
    assertEquals(
        "Before Person->After Person",
        TestUsers.query(
            "SELECT (old_values->>'lead') || '->' || (new_values->>'lead') FROM audit_log"
                + " WHERE action = 'INTERACTION_UPDATED' AND entity_id = ?",
            Long.toString(id)));
  }

  @Test
  void aTwoHourMeetingAcrossTheLondonSpringChangeKeepsItsLength() {
    // 29 March 2026, 01:00 GMT: clocks go forward to 02:00 BST.
    JsonObject data =
        created(
            admin,
            body()
                .add("startDateTime", "2026-03-29T00:30:00Z")
                .add("endDateTime", "2026-03-29T03:30:00+01:00")
                .add("timezone", "Europe/London"));
    assertLocalTimes(data, "2026-03-29T00:30Z", "2026-03-29T03:30+01:00", Duration.ofHours(2));
  }

  @Test
  void aTwoHourMeetingAcrossTheNewYorkSpringChangeKeepsItsLength() {
    // 8 March 2026, 02:00 EST: clocks go forward to 03:00 EDT.
    JsonObject data =
        created(
            admin,
            body()
                .add("startDateTime", "2026-03-08T01:00:00-05:00")
                .add("endDateTime", "2026-03-08T04:00:00-04:00")
                .add("timezone", "America/New_York"));
    assertLocalTimes(data, "2026-03-08T01:00-05:00", "2026-03-08T04:00-04:00", Duration.ofHours(2));
  }

  @Test
  void timesSentInAnotherOffsetComeBackInTheInteractionsZone() {
    // 1 November 2026: New York falls back at 02:00 EDT to 01:00 EST.
    JsonObject data =
        created(
            admin,
            body()
                .add("startDateTime", "2026-11-01T05:30:00Z")
                .add("endDateTime", "2026-11-01T07:30:00Z")
                .add("timezone", "America/New_York"));
    assertLocalTimes(data, "2026-11-01T01:30-04:00", "2026-11-01T02:30-05:00", Duration.ofHours(2));
  }

  @Test
  void theSitesTypesAreListedInOrder() {
    String headquarters = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    Http.Reply reply = Api.get(viewer, "/api/sites/" + headquarters + "/interaction-types");
    assertEquals(200, reply.status());
    assertEquals(
        List.of("Meeting", "Call", "Email", "Update", "Review", "Training", "Other"),
        reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .map(t -> t.getString("name"))
            .toList());
  }

  @Test
  void theApiIsAlsoServedUnderV1() {
    long id = id(created(admin, body()));
    Http.Reply reply = Api.get(admin, "/api/v1/interactions/" + id);
    assertEquals(200, reply.status());
    assertEquals(id, id(reply.json().getJsonObject("data")));
    assertEquals(200, Api.get(admin, "/api/v1/auth/me").status());
  }

  @Test
  void theOpenApiDocumentDescribesEveryInteractionOperation() {
    String document = Http.get("/openapi").body();
    for (String path :
        List.of(
            "/api/interactions:",
            "/api/interactions/{id}:",
            "/api/interactions/{id}/restore:",
            "/api/interactions/deleted:")) {
      assertTrue(document.contains(path), path);
    }
    assertFalse(document.contains("InteractionRequest"), "the input schema has its public name");
    assertTrue(document.contains("InteractionResponse"), "success bodies are described");
    assertTrue(document.contains("ErrorEnvelope"), "error bodies are described");
    JsonObject paths =
        Http.get("/openapi", "Accept", "application/json").json().getJsonObject("paths");
    JsonObject contract = Http.get("/openapi", "Accept", "application/json").json();
    for (String path : List.of("/api/interactions/{id}", "/api/auth/me")) {
      JsonObject unauthorized =
          paths
              .getJsonObject(path)
              .getJsonObject("get")
              .getJsonObject("responses")
              .getJsonObject("401");
      if (unauthorized.containsKey("$ref")) {
        // A response described once among the components, and referred to.
        String name = unauthorized.getString("$ref").replace("#/components/responses/", "");
        unauthorized =
            contract.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
      }
      assertTrue(unauthorized.toString().contains("#/components/schemas/ErrorEnvelope"), path);
    }
    assertFalse(
        paths
                .getJsonObject("/api/auth/login")
                .getJsonObject("post")
                .getJsonObject("responses")
                .containsKey("401")
            && paths
                .getJsonObject("/api/auth/login")
                .getJsonObject("post")
                .getJsonObject("responses")
                .getJsonObject("401")
                .getString("description")
                .startsWith("UNAUTHORIZED: no valid"),
        "login needs no token");
  }

  private static void assertLocalTimes(JsonObject data, String start, String end, Duration length) {
    OffsetDateTime from = OffsetDateTime.parse(data.getString("startDateTime"));
    OffsetDateTime to = OffsetDateTime.parse(data.getString("endDateTime"));
    assertEquals(OffsetDateTime.parse(start), from);
    assertEquals(OffsetDateTime.parse(end), to);
    assertEquals(OffsetDateTime.parse(start).getOffset(), from.getOffset());
    assertEquals(OffsetDateTime.parse(end).getOffset(), to.getOffset());
    assertEquals(length, Duration.between(from, to));
  }
}
