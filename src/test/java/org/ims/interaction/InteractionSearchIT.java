package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Finder's query over a site of its own, whose every record the test knows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteractionSearchIT {

  private String site;
  private String user;
  private String token;

  @BeforeAll
  void seed() {
    site = TestUsers.createSite("Search");
    user = TestUsers.create("finder", site + ":ADMINISTRATOR");
    token = Api.token(user, TestUsers.PASSWORD);
    add(
        "Quarterly budget review",
        "Meeting",
        "Jonas Müller",
        "Board Room",
        "Figures for Q3",
        "50% discount agreed",
        "Europe/London",
        "2026-03-10T10:00:00Z",
        "2026-03-10T11:00:00Z");
    add(
        "Vendor call",
        "Call",
        "Chloé Dubois",
        "Phone",
        "Renewal of the_contract",
        "O'Connor joins",
        "America/New_York",
        "2026-03-12T15:00:00Z",
        "2026-03-12T16:00:00Z");
    add(
        "Safety training",
        "Training",
        "Amelia Hughes",
        "Training Centre",
        "Fire drill",
        "Files in C:\\temp",
        "Asia/Tokyo",
        "2026-04-01T01:00:00Z",
        "2026-04-01T03:00:00Z");
    add(
        "Budget follow-up",
        "Email",
        "Amelia Hughes",
        null,
        "Send revised budget",
        null,
        "Europe/London",
        "2026-04-02T09:00:00Z",
        "2026-04-02T09:30:00Z");
    long ghost =
        add(
            "Ghostword meeting",
            "Meeting",
            "Nobody",
            null,
            null,
            null,
            "Europe/London",
            "2026-04-03T09:00:00Z",
            "2026-04-03T09:30:00Z");
    Api.send("DELETE", token, "/api/interactions/" + ghost, null);
  }

  @Test
  void noSearchListsEveryLiveRecordNewestFirstWithPagination() {
    Http.Reply reply = find("");
    JsonObject pagination = reply.json().getJsonObject("meta").getJsonObject("pagination");
    assertEquals(4, pagination.getInt("totalRecords"));
    assertTrue(pagination.getBoolean("totalRecordsExact"));
    assertEquals(1, pagination.getInt("totalPages"));
    assertEquals(1, pagination.getInt("page"));
    assertEquals(25, pagination.getInt("pageSize"));
    assertEquals(4, reply.json().getJsonObject("meta").getInt("unfilteredTotal"));
    assertEquals(
        List.of("Budget follow-up", "Safety training", "Vendor call", "Quarterly budget review"),
        titles(reply));
  }

  @Test
  void everyFieldIsSearchedByWordPrefixIgnoringCaseAndAccents() {
    assertEquals(List.of("Quarterly budget review"), titles(find("search=QUARTER")), "title");
    assertEquals(List.of("Safety training"), titles(find("search=train")), "type and title");
    assertEquals(List.of("Quarterly budget review"), titles(find("search=muller")), "lead, accent");
    assertEquals(List.of("Vendor call"), titles(find("search=Chloe")), "lead, accent");
    assertEquals(List.of("Quarterly budget review"), titles(find("search=board")), "location");
    assertEquals(List.of("Quarterly budget review"), titles(find("search=figures")), "description");
    assertEquals(List.of("Quarterly budget review"), titles(find("search=discount")), "notes");
    assertEquals(2, titles(find("search=budg")).size(), "prefix");
  }

  @Test
  void severalWordsMustAllMatch() {
    assertEquals(List.of("Budget follow-up"), titles(find("search=" + encode("budget amelia"))));
    assertEquals(List.of(), titles(find("search=" + encode("budget zebra"))));
  }

  @Test
  void everyCharacterIsLiteralAndNeverAnError() {
    assertEquals(List.of("Quarterly budget review"), titles(find("search=" + encode("%"))));
    assertEquals(List.of("Vendor call"), titles(find("search=" + encode("_"))));
    assertEquals(List.of("Vendor call"), titles(find("search=" + encode("o'connor"))));
    assertEquals(List.of("Safety training"), titles(find("search=" + encode("\\"))));
    for (String odd : List.of("\"", "'", "&|!:*()", "🙂", "<script>", "a\\b", "%_")) {
      assertEquals(200, find("search=" + encode(odd)).status(), odd);
    }
  }

  @Test
  void fieldFiltersCombine() {
    assertEquals(2, titles(find("title=BUDGET")).size());
    assertEquals(2, titles(find("lead=amelia")).size());
    assertEquals(List.of("Quarterly budget review"), titles(find("location=room")));
    assertEquals(2, titles(find("type=Call,Training")).size());
    assertEquals(2, titles(find("type=Call&type=training")).size());
    assertEquals(List.of("Safety training"), titles(find("timezone=Asia/Tokyo")));
    assertEquals(4, titles(find("createdBy=" + user)).size());
    assertEquals(List.of("Budget follow-up"), titles(find("search=budget&type=Email")));
    JsonObject meta = find("lead=amelia").json().getJsonObject("meta");
    assertEquals(2, meta.getJsonObject("pagination").getInt("totalRecords"));
    assertEquals(4, meta.getInt("unfilteredTotal"), "\"2 filtered from 4\"");
  }

  @Test
  void dateRangesFindOverlapsInTheUsersZone() {
    // 2026-04-01 in Tokyo is 31 March 15:00 UTC to 1 April 15:00 UTC: only the training.
    assertEquals(
        List.of("Safety training"), titles(find("from=2026-04-01&to=2026-04-01&tz=Asia/Tokyo")));
    // The vendor call starts 12 March 15:00 UTC: on that day in London, after it in Tokyo.
    assertEquals(
        List.of("Vendor call"), titles(find("from=2026-03-12&to=2026-03-12&tz=Europe/London")));
    assertEquals(List.of(), titles(find("from=2026-03-12&to=2026-03-12&tz=Asia/Tokyo")));
    assertEquals(2, titles(find("from=2026-04-01T00:00:00Z")).size());
  }

  @Test
  void everyColumnSortsAndSortsCombine() {
    assertEquals(
        List.of("Budget follow-up", "Quarterly budget review", "Safety training", "Vendor call"),
        titles(find("sort=title")));
    assertEquals(
        List.of("Vendor call", "Safety training", "Quarterly budget review", "Budget follow-up"),
        titles(find("sort=-title")));
    assertEquals(
        List.of("Budget follow-up", "Safety training", "Vendor call", "Quarterly budget review"),
        titles(find("sort=lead,-startDateTime")),
        "Amelia's two, the later first; then Chloé, then Jonas");
    for (String field : SearchCriteria.SORTABLE) {
      for (String direction : List.of("", "-")) {
        Http.Reply reply = find("sort=" + direction + field);
        assertEquals(200, reply.status(), field);
        assertEquals(4, titles(reply).size(), field);
        assertTrue(reply.json().getJsonObject("meta").getJsonArray("warnings").isEmpty(), field);
      }
    }
    List<String> starts =
        find("sort=startDateTime")
            .json()
            .getJsonArray("data")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(
                i ->
                    java.time.OffsetDateTime.parse(i.getString("startDateTime"))
                        .toInstant()
                        .toString())
            .toList();
    assertEquals(starts.stream().sorted(Comparator.naturalOrder()).toList(), starts);
  }

  @Test
  void anUnknownSortFieldFallsBackWithAWarning() {
    Http.Reply reply = find("sort=secret");
    assertEquals(200, reply.status());
    assertEquals(1, reply.json().getJsonObject("meta").getJsonArray("warnings").size());
    assertEquals(titles(find("")), titles(reply));
  }

  @Test
  void pagesAndTheirSizeCap() {
    Http.Reply first = find("pageSize=3");
    assertEquals(3, titles(first).size());
    assertEquals(
        2, first.json().getJsonObject("meta").getJsonObject("pagination").getInt("totalPages"));
    assertEquals(1, titles(find("pageSize=3&page=2")).size());
    assertEquals(0, titles(find("pageSize=3&page=9")).size());
    Http.Reply refused = find("pageSize=1000");
    assertEquals(400, refused.status());
    assertEquals(
        "pageSize",
        refused
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field"));
    assertEquals(
        100,
        find("pageSize=100")
            .json()
            .getJsonObject("meta")
            .getJsonObject("pagination")
            .getInt("pageSize"));
  }

  @Test
  void invalidValuesAre400NamingTheParameter() {
    Http.Reply reply = find("page=0&from=soon&type=Meeting");
    assertEquals(400, reply.status());
    assertEquals(
        List.of("from", "page"),
        reply
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(d -> d.getString("field"))
            .sorted()
            .toList());
  }

  @Test
  void deletedRecordsAndOtherSitesNeverShow() {
    assertEquals(List.of(), titles(find("search=ghostword")));
    assertEquals(
        List.of(), titles(find("search=" + encode("supplier contract"))), "a demo title of HQ");
    Http.Reply headquarters =
        Api.get(Api.demoToken("admin"), "/api/interactions?search=discount&pageSize=100");
    assertTrue(
        headquarters.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .noneMatch(
                i ->
                    i.getString("title").equals("Quarterly budget review")
                        && "Jonas Müller".equals(i.getString("lead"))));
  }

  @Test
  void searchesAreRecordedForAudit() throws InterruptedException {
    // Criteria no other test of this class uses: a search already recorded within the window is
    // not recorded again, and the row would name that earlier request.
    String requestId = find("search=figures&lead=jonas").header("X-Request-ID").orElseThrow();
    String logged = null;
    for (int i = 0; i < 50 && logged == null; i++) {
      logged =
          TestUsers.query(
              "SELECT details->>'search' FROM audit_log WHERE action = 'SEARCH' AND request_id = ?",
              requestId);
      Thread.sleep(100);
    }
    assertEquals("figures", logged);
  }

  @Test
  void aSearchIsRecordedOncePerCriteriaNotPerPageSortOrReturnWhileEveryExportIs()
      throws InterruptedException {
    String word = "volume" + UUID.randomUUID().toString().substring(0, 8);
    for (String query :
        List.of(
            "search=" + word,
            "search=" + word + "&page=2",
            "search=" + word + "&sort=title&pageSize=50",
            "search=" + word,
            "search=" + word + "&type=Meeting",
            "search=" + word + "&type=Meeting&page=3")) {
      assertEquals(200, find(query).status(), query);
    }
    for (int i = 0; i < 2; i++) {
      assertEquals(200, find("export", "search=" + word + "&format=csv").status());
    }
    String rows =
        "SELECT action || ':' || count(*) FILTER (WHERE details->'types' <> '[]') || '/' || count(*)"
            + " FROM audit_log WHERE username = ? AND details->>'search' = ?"
            + " GROUP BY action ORDER BY action";
    String expected = "EXPORT:0/2,SEARCH:1/2";
    String found = null;
    for (int i = 0; i < 50 && !expected.equals(found); i++) {
      Thread.sleep(100);
      found = recorded(rows, word);
    }
    // Written a moment after the requests: a little longer, for any row that should not come.
    Thread.sleep(1000);
    assertEquals(expected, recorded(rows, word), "one search without and one with the type filter");
  }

  private String recorded(String sql, String word) {
    try (Connection c = TestEnvironment.database().connectAsOwner();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, user);
      s.setString(2, word);
      List<String> lines = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      return String.join(",", lines);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void exportWritesTheSearchAsRfc4180CsvNamedAfterSiteAndFilters() throws Exception {
    Http.Reply reply = find("export", "lead=amelia&format=csv");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("text/csv"), reply.contentType());
    String disposition = reply.header("Content-Disposition").orElseThrow();
    assertTrue(disposition.contains("interactions_search-"), disposition);
    assertTrue(disposition.contains("_lead-amelia_"), disposition);
    assertTrue(disposition.endsWith(".csv\""), disposition);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(reply.body())).getRecords();
    assertEquals("Title", records.get(0).get(1));
    assertEquals(3, records.size(), "header and Amelia's two");
    assertEquals("Budget follow-up", records.get(1).get(1));
    assertEquals("2", reply.header("X-Total-Count").orElseThrow());
  }

  @Test
  void theExportsFileNameNamesTheDaysAsGivenAndItsTimesFollowOneConvention() throws Exception {
    // Far east of UTC the range starts the day before in UTC; the name still says the days given.
    Http.Reply reply =
        find("export", "from=2026-01-01&to=2026-12-15&tz=Pacific%2FAuckland&format=csv");
    assertEquals(200, reply.status(), reply.body());
    String disposition = reply.header("Content-Disposition").orElseThrow();
    assertTrue(disposition.contains("_from-2026-01-01_to-2026-12-15_"), disposition);
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(reply.body())).getRecords();
    assertTrue(records.size() > 1, "rows to look at: " + reply.body());
    for (CSVRecord record : records.subList(1, records.size())) {
      for (int column : List.of(4, 5, 11, 13)) {
        String time = record.get(column);
        assertTrue(
            time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}")
                // Updated at stays empty for a record never changed.
                || column == 13 && time.isEmpty(),
            "one convention, never Z: " + time);
      }
    }
  }

  @Test
  void exportAsExcelHoldsTheSameRows() throws Exception {
    HttpResponse<byte[]> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            TestEnvironment.baseUrl() + "/api/interactions/export?format=xlsx"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, reply.statusCode());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
      assertEquals(4, workbook.getSheetAt(0).getLastRowNum(), "4 rows under the header");
      assertEquals(
          "Budget follow-up", workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue());
      var start = workbook.getSheetAt(0).getRow(1).getCell(4);
      assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, start.getCellType(), "a date");
      assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(start));
    }
  }

  @Test
  void anUnknownExportFormatIsA400() {
    assertEquals(400, find("export", "format=pdf").status());
  }

  @Test
  void exportHoldsAtMostAThousandRowsAndDefusesFormulas() throws Exception {
    String big = TestUsers.createSite("Export");
    String exporter = TestUsers.create("exporter", big + ":EDITOR");
    TestUsers.execute(
        "WITH s AS (SELECT set_config('app.site_id', id::text, true) AS site FROM sites"
            + " WHERE name = ?)"
            + " INSERT INTO interactions (site_id, title, type, lead, start_datetime,"
            + " end_datetime, timezone, created_by)"
            + " SELECT s.site::bigint, (ARRAY['=1+1', '+SUM(A1)', '-2', '@cmd', 'Plain'])[1 + g % 5],"
            + " 'Call', 'Generated', now() - make_interval(hours => g),"
            + " now() - make_interval(hours => g) + interval '30 minutes', 'UTC',"
            + " (SELECT id FROM users WHERE username = ?) FROM s, generate_series(1, 1005) AS g",
        big, exporter);
    Http.Reply reply = Api.get(Api.token(exporter, TestUsers.PASSWORD), "/api/interactions/export");
    assertEquals(200, reply.status(), reply.body());
    assertEquals("1005", reply.header("X-Total-Count").orElseThrow());
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(reply.body())).getRecords();
    assertEquals(1 + 1000, records.size(), "header and the first 1,000");
    for (CSVRecord record : records.subList(1, records.size())) {
      String title = record.get(1);
      assertTrue(title.equals("Plain") || title.startsWith("'"), "defused: " + title);
    }
  }

  private long add(
      String title,
      String type,
      String lead,
      String location,
      String description,
      String notes,
      String zone,
      String start,
      String end) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("title", title)
            .add("type", type)
            .add("lead", lead)
            .add("timezone", zone)
            .add("startDateTime", start)
            .add("endDateTime", end);
    if (location != null) {
      body.add("location", location);
    }
    if (description != null) {
      body.add("description", description);
    }
    if (notes != null) {
      body.add("notes", notes);
    }
    return Interactions.id(Interactions.created(token, body));
  }

  private Http.Reply find(String query) {
    return Api.get(token, "/api/interactions?" + query);
  }

  private Http.Reply find(String path, String query) {
    return Api.get(token, "/api/interactions/" + path + "?" + query);
  }

  private static List<String> titles(Http.Reply reply) {
    if (reply.status() != 200) {
      throw new AssertionError(reply.status() + ": " + reply.body());
    }
    return reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("title"))
        .toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
