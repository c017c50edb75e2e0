package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.interaction.Interactions;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The application's metrics in Prometheus format (/metrics?scope=application, also in /metrics):
 * read before and after some traffic, the counters moved by it and the gauges are plausible. Other
 * tests share the server, so changes are "at least".
 */
class MetricsIT {

  private static final String HTTP = "ims_http_requests_seconds";

  @Test
  void trafficMovesTheRequestBusinessAndPoolMetrics() throws InterruptedException {
    String username = TestUsers.create("metrics", "Headquarters:ADMINISTRATOR");
    String site = TestUsers.query("SELECT id FROM sites WHERE name = 'Headquarters'");
    // Signed in before the first reading, so that the user counts as active in both.
    String token = Api.token(username, TestUsers.PASSWORD);
    String locked = TestUsers.create("metrics-lock", "Headquarters:EDITOR");
    Scrape before = Scrape.now();

    Api.token(username, TestUsers.PASSWORD);
    assertEquals(401, Api.login(username, "Not#the2026password").status());
    for (int i = 0; i < 6; i++) {
      Api.login(locked, "Not#the2026password");
    }
    assertEquals(200, Api.get(token, "/api/interactions?search=budget").status());
    Http.Reply created =
        Api.post(
            token,
            "/api/interactions",
            Interactions.body().add("title", "Metrics " + UUID.randomUUID()).build().toString());
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonObject("data").getJsonNumber("id").longValue();
    String path = "/api/interactions/" + id;
    Http.Reply updated =
        Api.send(
            "PUT",
            token,
            path,
            Interactions.body().add("title", "Metrics " + UUID.randomUUID()).build().toString(),
            "If-Match",
            "\"0\"");
    assertEquals(200, updated.status(), updated.body());
    assertEquals(204, Api.send("DELETE", token, path, null).status());
    assertEquals(200, Api.get(token, "/api/v1/interactions/export?format=csv").status());
    Scrape after = Scrape.now();

    assertIncreased(before, after, "ims_logins_succeeded_total", Map.of());
    assertIncreased(before, after, "ims_logins_failed_total", Map.of("reason", "BAD_PASSWORD"));
    assertIncreased(before, after, "ims_logins_failed_total", Map.of("reason", "LOCKED"));
    assertIncreased(before, after, "ims_accounts_locked_total", Map.of());
    assertIncreased(before, after, "ims_searches_seconds_count", Map.of());
    assertIncreased(before, after, "ims_interactions_created_total", Map.of("site", site));
    assertIncreased(before, after, "ims_interactions_updated_total", Map.of("site", site));
    assertIncreased(before, after, "ims_interactions_deleted_total", Map.of("site", site));
    assertIncreased(before, after, "ims_exports_total", Map.of("site", site));
    for (String[] operation :
        List.of(
            new String[] {"POST", "/api/auth/login", "2xx"},
            new String[] {"POST", "/api/auth/login", "4xx"},
            new String[] {"GET", "/api/interactions", "2xx"},
            new String[] {"POST", "/api/interactions", "2xx"},
            new String[] {"PUT", "/api/interactions/{id}", "2xx"},
            new String[] {"DELETE", "/api/interactions/{id}", "2xx"},
            new String[] {"GET", "/api/interactions/export", "2xx"})) {
      Map<String, String> tags =
          Map.of("method", operation[0], "path", operation[1], "status", operation[2]);
      assertIncreased(before, after, HTTP + "_count", tags);
      assertTrue(after.value(HTTP + "_sum", tags) > before.value(HTTP + "_sum", tags), "sum");
      Map<String, String> all = new TreeMap<>(tags);
      all.put("le", "+Inf");
      assertEquals(after.value(HTTP + "_count", tags), after.value(HTTP + "_bucket", all), "+Inf");
      all.put("le", "0.5");
      assertTrue(after.has(HTTP + "_bucket", all), "a bucket at the 500 ms SLA: " + tags);
    }
    for (String value : after.labelValues(HTTP + "_count", "path")) {
      assertFalse(value.matches(".*/\\d+.*"), "a concrete id in a path tag: " + value);
    }

    double inUse = after.value("ims_db_connections", Map.of("state", "in_use"));
    double idle = after.value("ims_db_connections", Map.of("state", "idle"));
    double max = after.value("ims_db_connections_max", Map.of());
    assertEquals(32, max);
    assertTrue(
        inUse >= 0 && idle >= 0 && inUse + idle >= 1 && inUse + idle <= max, inUse + idle + "");
    // The gauge reads the audit trail at most once a minute: a scrape before this test's traffic
    // may have cached an older count.
    long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
    double active = after.value("ims_users_active", Map.of());
    while (active < 1 && System.nanoTime() < deadline) {
      Thread.sleep(2_000);
      active = Scrape.now().value("ims_users_active", Map.of());
    }
    assertTrue(active >= 1, "this test's user is active");
  }

  @Test
  void theRetentionAndDeferredAuditSeriesExistBeforeTheFirstRun() {
    Scrape now = Scrape.now();
    for (String outcome : List.of("completed", "failed", "skipped")) {
      assertTrue(now.has("ims_retention_runs_total", Map.of("outcome", outcome)), outcome);
    }
    for (String data :
        List.of(
            "authentication-logs",
            "activity-logs",
            "login-attempts",
            "sessions",
            "refresh-tokens",
            "deleted-interactions")) {
      assertTrue(now.has("ims_retention_rows_total", Map.of("data", data)), data);
    }
    assertTrue(now.has("ims_retention_duration_seconds_count", Map.of()), "run timer");
    assertTrue(now.has("ims_retention_last_completed_seconds", Map.of()), "last run, any server");
    assertTrue(now.has("ims_audit_deferred_write_failures_total", Map.of()), "deferred writes");
  }

  @Test
  void theApplicationMetricsArePartOfTheWholeScrape() {
    Http.Reply all = Http.get("/metrics");
    assertEquals(200, all.status());
    assertTrue(all.body().contains("ims_http_requests_seconds_count{"), "request timer");
    assertTrue(all.body().contains("mp_scope=\"application\""), "application scope");
    assertTrue(all.body().contains("memory_usedHeap_bytes"), "base metrics beside");
  }

  private static void assertIncreased(
      Scrape before, Scrape after, String name, Map<String, String> tags) {
    assertTrue(after.has(name, tags), name + tags + " missing");
    assertTrue(
        after.value(name, tags) > before.value(name, tags),
        name + tags + ": " + before.value(name, tags) + " -> " + after.value(name, tags));
  }

  /** One reading of /metrics?scope=application: series (name and tags) and their values. */
  private record Scrape(List<Series> series) {

    private record Series(String name, Map<String, String> tags, double value) {}

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][\\w:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape now() {
      Http.Reply reply = Http.get("/metrics?scope=application");
      assertEquals(200, reply.status());
      List<Series> series = new ArrayList<>();
      for (String line : reply.body().split("\n")) {
        Matcher m = LINE.matcher(line);
        if (line.startsWith("#") || !m.matches()) {
          continue;
        }
        Map<String, String> tags = new TreeMap<>();
        if (m.group(2) != null) {
          Matcher tag = TAG.matcher(m.group(2));
          while (tag.find()) {
            tags.put(tag.group(1), tag.group(2));
          }
        }
        series.add(new Series(m.group(1), tags, Double.parseDouble(m.group(3))));
      }
      return new Scrape(series);
    }

    /** The series of that name whose tags include these; 0 when there is none yet. */
    double value(String name, Map<String, String> tags) {
      return series.stream()
          .filter(s -> s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet()))
          .mapToDouble(Series::value)
          .sum();
    }

    boolean has(String name, Map<String, String> tags) {
      return series.stream()
          .anyMatch(s -> s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet()));
    }

    List<String> labelValues(String name, String tag) {
      return series.stream()
          .filter(s -> s.name().equals(name) && s.tags().containsKey(tag))
          .map(s -> s.tags().get(tag))
          .toList();
    }
  }
}
