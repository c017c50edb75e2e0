package org.ims.interaction;

import static org.ims.interaction.Interactions.body;
import static org.ims.interaction.Interactions.create;
import static org.ims.interaction.Interactions.created;
import static org.ims.interaction.Interactions.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * What a REST client sees when it sends what it should not: a 4xx with the error envelope naming
 * what was wrong, in the client's terms, and nothing stored; never a 500. (Every answer here is
 * also checked against the REST contract by the test client.)
 */
class ApiRobustnessIT {

  private final String admin = Api.demoToken("admin");

  @Test
  void textWithANulCharacterIsRefusedNamingTheFieldWhereverItIsSent() {
    long before = TestUsers.interactionsAt("Headquarters", "true");
    for (String field : List.of("title", "lead", "location", "description", "notes")) {
      Http.Reply reply = create(admin, body().add(field, "a\u0000b"));
      assertRefused(reply, 400, "VALIDATION_ERROR", field);
    }
    assertEquals(before, TestUsers.interactionsAt("Headquarters", "true"), "nothing stored");
    assertRefused(
        Api.post(admin, "/api/sites", "{\"name\":\"Nul\\u0000site\"}"),
        400,
        "VALIDATION_ERROR",
        "name");
    String users = "/api/sites/" + siteId("Headquarters") + "/users";
    assertRefused(
        Api.post(
            admin,
            users,
            "{\"username\":\"nul-user\",\"email\":\"a\\u0000@b.org\",\"role\":\"VIEWER\"}"),
        400,
        "VALIDATION_ERROR",
        "email");
    assertRefused(
        Api.post(
            admin, users + "/memberships", "{\"username\":\"ed\\u0000itor\",\"role\":\"VIEWER\"}"),
        400,
        "VALIDATION_ERROR",
        "username");
    assertRefused(
        Api.post(
            admin,
            "/api/sites/" + siteId("Headquarters") + "/interaction-types",
            "{\"name\":\"Vis\\u0000it\"}"),
        400,
        "VALIDATION_ERROR",
        "name");
  }

  @Test
  void queryParametersWithANulCharacterAreRefusedNamingTheParameter() {
    for (String query :
        List.of(
            "/api/interactions?title=a%00b",
            "/api/interactions?search=a%00b",
            "/api/interactions?lead=%00",
            "/api/interactions/export?location=a%00",
            "/api/audit?user=a%00",
            "/api/sites/" + siteId("Headquarters") + "/users?search=%00")) {
      Http.Reply reply = Api.get(admin, query);
      assertEquals(400, reply.status(), query);
      assertEquals("VALIDATION_ERROR", code(reply), query);
    }
    Http.Reply bytes = Api.get(admin, "/api/interactions?title=%FF%FE");
    assertRefused(bytes, 400, "VALIDATION_ERROR", "title");
  }

  @Test
  void theFinderPageRefusesANulInItsAddressWithoutAnError500() {
    Http.Reply page = Http.get("/index.xhtml?search=a%00b");
    assertEquals(400, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertFalse(page.body().contains("Exception"), page.body());
  }

  @Test
  void anInteractionLongerThanAYearOrOutsideTheYears1900To2999IsRefused() {
    assertRefused(
        create(
            admin,
            body()
                .add("startDateTime", "1970-01-01T00:00:00Z")
                .add("endDateTime", "1972-01-01T00:00:00Z")),
        400,
        "VALIDATION_ERROR",
        "endDateTime");
    assertRefused(
        create(
            admin,
            body()
                .add("startDateTime", "+294277-01-01T00:00:00Z")
                .add("endDateTime", "+294277-01-01T01:00:00Z")),
        400,
        "VALIDATION_ERROR",
        "startDateTime");
    assertRefused(
        create(
            admin,
            body()
                .add("startDateTime", "-4714-11-23T00:00:00Z")
                .add("endDateTime", "-4714-11-23T01:00:00Z")),
        400,
        "VALIDATION_ERROR",
        "startDateTime");
    assertEquals(
        201,
        create(
                admin,
                body()
                    .add("startDateTime", "2030-01-01T00:00:00Z")
                    .add("endDateTime", "2030-12-31T00:00:00Z"))
            .status(),
        "a year is fine");
  }

  @Test
  void aSiteHoldingAVeryLongInteractionStillAnswersDateSearches() throws Exception {
    // Stored before the limits existed (or by hand): the searches must not overflow on it.
    String site = TestUsers.createSite("Long");
    String user = TestUsers.create("long", site + ":EDITOR");
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      c.setAutoCommit(false);
      c.createStatement().execute("SELECT set_config('app.site_id', '" + siteId(site) + "', true)");
      c.createStatement()
          .execute(
              "INSERT INTO interactions (site_id, title, type, lead, start_datetime, end_datetime,"
                  + " timezone, created_by) SELECT current_setting('app.site_id')::bigint,"
                  + " 'Forever', 'Meeting', 'Old import', '1970-01-01T00:00:00Z',"
                  + " '9999-12-31T00:00:00Z', 'UTC', id FROM users WHERE username = '"
                  + user
                  + "'");
      c.commit();
    }
    String token = Api.token(user, TestUsers.PASSWORD);
    for (String query :
        List.of(
            "/api/interactions?from=2026-01-01",
            "/api/interactions?from=-4714-11-23T00:00:00Z",
            "/api/interactions?from=%2B294277-01-01T00:00:00Z&to=%2B294278-01-01T00:00:00Z",
            "/api/interactions/export?from=2026-01-01")) {
      Http.Reply reply = Api.get(token, query);
      assertEquals(200, reply.status(), query + ": " + reply.body());
    }
    Http.Reply overlapping = Api.get(token, "/api/interactions?from=2026-01-01&to=2026-01-31");
    assertEquals(1, overlapping.json().getJsonArray("data").size(), "it overlaps every month");
  }

  @Test
  void timesApartByLessThanAMicrosecondAreNotAnEndAfterTheStart() {
    assertRefused(
        create(
            admin,
            body()
                .add("startDateTime", "2026-06-01T10:00:00.0000001Z")
                .add("endDateTime", "2026-06-01T10:00:00.0000009Z")),
        400,
        "VALIDATION_ERROR",
        "endDateTime");
  }

  @Test
  void valuesOfTheWrongJsonTypeAreRefusedNotCoerced() {
    long before = TestUsers.interactionsAt("Headquarters", "true");
    assertRefused(create(admin, body().add("title", 123)), 400, "MALFORMED_REQUEST", "title");
    assertRefused(create(admin, body().add("title", true)), 400, "MALFORMED_REQUEST", "title");
    assertRefused(create(admin, body().add("lead", 1.5)), 400, "MALFORMED_REQUEST", "lead");
    assertRefused(
        create(admin, body().add("type", jakarta.json.Json.createArrayBuilder().add("Meeting"))),
        400,
        "MALFORMED_REQUEST",
        "type");
    assertEquals(before, TestUsers.interactionsAt("Headquarters", "true"), "nothing stored");
    assertRefused(
        Api.post(admin, "/api/sites", "{\"name\":false}"), 400, "MALFORMED_REQUEST", "name");
    String users = "/api/sites/" + siteId("Headquarters") + "/users";
    String username = "coerced-" + UUID.randomUUID().toString().substring(0, 8);
    assertRefused(
        Api.post(
            admin,
            users,
            "{\"username\":\""
                + username
                + "\",\"email\":\""
                + username
                + "@test.example\",\"role\":\"VIEWER\",\"password\":\"Chosen#2026pass\","
                + "\"mustChangePassword\":\"yes\"}"),
        400,
        "MALFORMED_REQUEST",
        "mustChangePassword");
    assertEquals("0", TestUsers.query("SELECT count(*) FROM users WHERE username = ?", username));
    String someone = TestUsers.create("role", "Headquarters:VIEWER");
    String someoneId = TestUsers.query("SELECT id FROM users WHERE username = ?", someone);
    assertRefused(
        Api.send("PUT", admin, users + "/" + someoneId + "/role", "{\"role\":[\"EDITOR\"]}"),
        400,
        "MALFORMED_REQUEST",
        "role");
  }

  @Test
  void aVersionOutOfRangeIsRefusedAndTheUpdateNotApplied() {
    JsonObject record = created(admin, body());
    long id = id(record);
    for (String version : List.of("1e400", "9223372036854775808", "0.5", "1.0")) {
      String json = body().add("title", "Applied?").build().toString();
      json = json.substring(0, json.length() - 1) + ",\"version\":" + version + "}";
      Http.Reply reply = Api.send("PUT", admin, "/api/interactions/" + id, json);
      assertRefused(reply, 400, "MALFORMED_REQUEST", "version");
    }
    assertEquals(
        record.getString("title"),
        Interactions.get(admin, id).json().getJsonObject("data").getString("title"));
  }

  @Test
  void aBodyMustBeExactlyOneJsonObjectWithEachKeyOnce() {
    String valid = body().build().toString();
    assertRefused(
        Api.post(admin, "/api/interactions", valid + " trailing"),
        400,
        "MALFORMED_REQUEST",
        "body");
    assertRefused(
        Api.post(admin, "/api/interactions", valid + valid), 400, "MALFORMED_REQUEST", "body");
    String twice = valid.substring(0, valid.length() - 1) + ",\"title\":\"Again\"}";
    assertRefused(Api.post(admin, "/api/interactions", twice), 400, "MALFORMED_REQUEST", "title");
  }

  @Test
  void bytesThatAreNotUtf8AndLoneSurrogatesAreRefusedNotReplaced() {
    Http.Reply latin1 =
        Http.sendBytes(
            "POST",
            "/api/sites",
            "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + admin);
    assertRefused(latin1, 400, "MALFORMED_REQUEST", "body");
    assertRefused(
        Api.post(admin, "/api/sites", "{\"name\":\"half \\ud800 pair\"}"),
        400,
        "VALIDATION_ERROR",
        "name");
  }

  @Test
  void aRequiredTextMadeOnlyOfUnicodeSpacesCountsAsMissing() {
    for (String blank : List.of("\u00a0", "\u3000", "\u200b", " \u00a0\u200b ")) {
      assertRefused(create(admin, body().add("title", blank)), 400, "VALIDATION_ERROR", "title");
    }
    assertRefused(
        Api.post(admin, "/api/sites", "{\"name\":\"\\u3000\"}"), 400, "VALIDATION_ERROR", "name");
  }

  @Test
  void refusalsSayWhatTheClientSentWrongWithoutJavaNames() {
    for (Http.Reply reply :
        List.of(
            create(admin, body().add("colour", "red")),
            create(admin, body().add("title", 1)),
            Api.post(admin, "/api/auth/site", "{\"siteId\":\"two\"}"),
            Api.post(admin, "/api/sites", "[1,2]"))) {
      assertEquals(400, reply.status());
      assertFalse(
          reply.body().contains("class ") || reply.body().contains("org.ims"), reply.body());
    }
  }

  @Test
  void directionOrdersASortByOneFieldAndSaysWhenItConflicts() {
    List<String> ascending = titles(Api.get(admin, "/api/interactions?sort=title&pageSize=5"));
    List<String> descending =
        titles(Api.get(admin, "/api/interactions?sort=title&direction=desc&pageSize=5"));
    assertFalse(ascending.equals(descending));
    Http.Reply conflict = Api.get(admin, "/api/interactions?sort=-title&direction=asc&pageSize=5");
    assertEquals(descending, titles(conflict), "the sign of sort wins");
    assertEquals(
        1, conflict.json().getJsonObject("meta").getJsonArray("warnings").size(), conflict.body());
    assertRefused(
        Api.get(admin, "/api/interactions?direction=sideways"),
        400,
        "VALIDATION_ERROR",
        "direction");
    assertRefused(
        Api.post(admin, "/api/interactions?allowDuplicate=yes", body().build().toString()),
        400,
        "VALIDATION_ERROR",
        "allowDuplicate");
  }

  @Test
  void ofTwentyParallelCreatesOfOneTitleOnOneDayExactlyOneIsStored() throws Exception {
    String title = "Race " + UUID.randomUUID();
    String json = body().add("title", title).build().toString();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Http.Reply>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(pool.submit(() -> Api.post(admin, "/api/interactions", json)));
      }
      int created = 0;
      int refused = 0;
      List<String> codes = new ArrayList<>();
      for (Future<Http.Reply> answer : answers) {
        Http.Reply reply = answer.get();
        created += reply.status() == 201 ? 1 : 0;
        refused += reply.status() == 409 && code(reply).equals("DUPLICATE_TITLE") ? 1 : 0;
        codes.add(reply.status() == 201 ? "201" : reply.status() + " " + reply.body());
      }
      assertEquals(1, created, "created: " + codes);
      assertEquals(19, refused, "refused as duplicates: " + codes);
    } finally {
      pool.shutdownNow();
    }
    Http.Reply stored =
        Api.get(admin, "/api/interactions?title=" + title.replace(" ", "%20") + "&pageSize=5");
    assertEquals(1, stored.json().getJsonArray("data").size(), stored.body());
    assertEquals(
        201,
        Api.post(admin, "/api/interactions?allowDuplicate=true", json).status(),
        "a duplicate can still be recorded on purpose");
  }

  private static List<String> titles(Http.Reply reply) {
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("title"))
        .toList();
  }

  private static String code(Http.Reply reply) {
    return reply.json().getJsonObject("error").getString("code");
  }

  private static void assertRefused(Http.Reply reply, int status, String code, String field) {
    assertEquals(status, reply.status(), reply.body());
    JsonObject error = reply.json().getJsonObject("error");
    assertEquals(code, error.getString("code"), reply.body());
    assertTrue(
        error.getJsonArray("details").getValuesAs(JsonObject.class).stream()
            .anyMatch(d -> d.getString("field").equals(field)),
        "names " + field + ": " + reply.body());
  }

  private static String siteId(String name) {
    return TestUsers.query("SELECT id FROM sites WHERE name = ?", name);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
