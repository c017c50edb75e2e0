package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.NamedSql;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Finder's queries, as {@link SearchQuery} writes them and the service chooses them, are
 * answered from indexes at a site large enough for the planner to care (25,000 rows beside a
 * neighbour's 75,000): never a sequential scan of the interactions table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlanIT {

  private long siteId;
  private String token;

  @BeforeAll
  void seed() throws SQLException {
    String site = TestUsers.createSite("Plan");
    siteId = siteId(site);
    token = Api.token(TestUsers.create("planner", site + ":VIEWER"), TestUsers.PASSWORD);
    long otherSite = siteId(TestUsers.createSite("Plan neighbour"));
    try (Connection c = TestEnvironment.database().connectAsSuperuser();
        Statement s = c.createStatement()) {
      // One row in four is the measured site's; its neighbour holds the rest.
      s.execute(
          "INSERT INTO interactions (site_id, title, type, lead, start_datetime, end_datetime,"
              + " timezone, location, description, notes, created_by)"
              + " SELECT CASE WHEN n % 4 = 0 THEN "
              + siteId
              + " ELSE "
              + otherSite
              + " END,"
              + " (ARRAY['Budget review','Vendor call','Safety training','Kickoff meeting',"
              + "   'Site visit'])[1 + n % 5] || ' ' || n,"
              + " (ARRAY['Meeting','Call','Email','Review','Training'])[1 + n % 5],"
              + " (ARRAY['Amelia Hughes','Jonas Müller','Priya Raman','Liam Carter',"
              + "   'Farah Khan'])[1 + n % 5],"
              + " timestamptz '2022-01-01 09:00Z' + (n * 7919 % 100000) * interval '17 minutes',"
              + " timestamptz '2022-01-01 10:00Z' + (n * 7919 % 100000) * interval '17 minutes',"
              + " (ARRAY['Europe/London','Asia/Tokyo','America/Chicago'])[1 + n % 3],"
              + " (ARRAY['Board Room','Zoom','Warehouse','Café Rouge'])[1 + n % 4],"
              + " 'Discussed item ' || n || CASE WHEN n % 4000 = 0 THEN ' zanzibar' ELSE '' END,"
              + " 'Follow up ' || n,"
              + " (SELECT min(id) FROM users)"
              + " FROM generate_series(1, 100000) AS n");
      s.execute("VACUUM ANALYZE interactions");
    }
  }

  private static long siteId(String name) {
    return Long.parseLong(TestUsers.query("SELECT id FROM sites WHERE name = ?", name));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "first page, default order         | ",
        "common word                       | search=review",
        "rare word                         | search=zanzibar",
        "two words                         | search=budget rev",
        "accented prefix                   | search=mull",
        "title contains                    | title=kickoff",
        "lead and location contain         | lead=priya&location=warehouse",
        "type and date range               | type=Meeting&from=2023-01-01&to=2023-02-01",
        "sorted by title                   | sort=title",
        "deep page                         | page=400",
      })
  void theQueriesTheServiceRunsUseIndexes(String name, String parameters) throws SQLException {
    try (Connection c = siteScoped()) {
      SearchQuery.SiteStats site =
          SearchQuery.SiteStats.of(
              NamedSql.row(c, SearchQuery.SITE_STATS_SQL, Map.of("site", siteId)));
      assertEquals(25_000, site.live(), "the site's total, kept by the database");
      SearchQuery query = SearchQuery.of(SearchCriteria.parse(parse(parameters)), siteId, site);
      SearchQuery.Total total = query.siteTotal();
      Optional<String> count = query.countSql();
      if (count.isPresent()) {
        assertUsesIndexes(c, name, count.get(), query.parameters());
        total =
            query.total(((Number) NamedSql.row(c, count.get(), query.parameters())[0]).longValue());
      }
      String plan = assertUsesIndexes(c, name, query.pageSql(total), query.parameters());
      if (parameters != null && parameters.contains("zanzibar")) {
        // Under row-level security only a LEAKPROOF operator may use an index (docs/deployment.md).
        assertTrue(
            plan.contains("ftidx_interactions_text"), "full-text index for a rare word\n" + plan);
      }
      c.rollback();
    }
  }

  @Test
  void aCommonWordAtALargeSiteCountsToAThousandAndStillPages() {
    JsonObject meta =
        Api.get(token, "/api/interactions?search=review&page=2").json().getJsonObject("meta");
    JsonObject pagination = meta.getJsonObject("pagination");
    assertEquals(1000, pagination.getInt("totalRecords"));
    assertFalse(pagination.getBoolean("totalRecordsExact"), "10,000 match: more than counted");
    assertEquals(25_000, meta.getInt("unfilteredTotal"));

    JsonArray rows =
        Api.get(token, "/api/interactions?search=review&page=41").json().getJsonArray("data");
    assertEquals(25, rows.size(), "pages past the count are still served");
    for (JsonObject row : rows.getValuesAs(JsonObject.class)) {
      assertTrue(
          row.getString("title").startsWith("Budget review")
              || row.getString("type").equals("Review"),
          row.toString());
    }
  }

  @Test
  void aRareWordAtALargeSiteIsCountedExactlyAndSortedByDate() {
    Http.Reply reply = Api.get(token, "/api/interactions?search=zanzib&pageSize=100");
    JsonObject pagination = reply.json().getJsonObject("meta").getJsonObject("pagination");
    assertEquals(25, pagination.getInt("totalRecords"));
    assertTrue(pagination.getBoolean("totalRecordsExact"));
    List<String> starts =
        reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .map(row -> OffsetDateTime.parse(row.getString("startDateTime")).toInstant().toString())
            .toList();
    assertEquals(25, starts.size());
    assertEquals(
        starts.stream().sorted(Comparator.reverseOrder()).toList(), starts, "newest first");
  }

  private static String assertUsesIndexes(
      Connection c, String name, String sql, Map<String, Object> parameters) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain = NamedSql.prepare(c, "EXPLAIN ", sql, parameters);
        ResultSet rows = explain.executeQuery()) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    assertFalse(
        plan.toString().contains("Seq Scan on interactions"), name + ": " + sql + "\n" + plan);
    assertTrue(plan.toString().contains("Index"), name + ": no index in\n" + plan);
    return plan.toString();
  }

  /** A transaction of the application's role at the measured site, as the service runs. */
  private Connection siteScoped() throws SQLException {
    Connection c = TestEnvironment.database().connectAsApp();
    c.setAutoCommit(false);
    try (PreparedStatement scope =
        c.prepareStatement("SELECT set_config('app.site_id', ?, true)")) {
      scope.setString(1, Long.toString(siteId));
      scope.execute();
    }
    return c;
  }

  private static Map<String, List<String>> parse(String parameters) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    if (parameters != null) {
      for (String pair : parameters.split("&")) {
        String[] kv = pair.split("=", 2);
        map.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
      }
    }
    return map;
  }
}
