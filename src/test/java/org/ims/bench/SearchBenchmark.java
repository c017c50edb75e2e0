package org.ims.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ims.devserver.DevKeys;
import org.ims.devserver.EmbeddedDatabase;
import org.ims.devserver.PayaraMicroServer;
import org.ims.interaction.SearchCriteria;
import org.ims.interaction.SearchQuery;
import org.ims.testing.NamedSql;

/**
 * {@code mvn -Pbench package}: the Finder search at 1,000,000 interactions. Starts PostgreSQL with
 * its data in {@code .data/bench} (loaded by {@code bench/generate.sql} on first use, a few
 * minutes) and Payara Micro with the WAR, then prints, for the large site and a typical one,
 * p50/p95/p99 of each search through the REST API beside the same SQL run directly over JDBC (what
 * {@link SearchQuery} produces, in a transaction scoped to the site as the service does), and the
 * throughput of the first page at 16 concurrent clients.
 */
public final class SearchBenchmark {

  static final String USER = "bench";
  static final String PASSWORD = "Bench#2026pass";
  static final int RUNS = Integer.getInteger("bench.runs", 200);
  static final int WARM_UP = Integer.getInteger("bench.warmup", 50);
  static final int CLIENTS = 16;
  static final Duration THROUGHPUT_TIME = Duration.ofSeconds(20);

  /** The searches of the issue, as query strings of GET /api/interactions. */
  static final Map<String, String> SCENARIOS = new LinkedHashMap<>();

  static {
    SCENARIOS.put("first page, default sort", "");
    SCENARIOS.put("common word (\"review\")", "search=review");
    SCENARIOS.put("rare word (\"zanzibar\")", "search=zanzibar");
    SCENARIOS.put("two words (\"budget review\")", "search=budget%20review");
    SCENARIOS.put(
        "filters + date range",
        "type=Meeting&type=Call&location=room&from=2024-01-01&to=2024-06-30&tz=Europe/London");
    SCENARIOS.put("page 400", "page=400");
    SCENARIOS.put("export 1,000 rows (CSV)", "export");
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final EmbeddedDatabase db;

  private SearchBenchmark(String base, EmbeddedDatabase db) {
    this.base = base;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("ims.data.dir"));
    EmbeddedDatabase db =
        new EmbeddedDatabase(
                data.resolve("postgres"), Integer.getInteger("ims.db.port", 54339), false)
            .with("shared_buffers", "2GB")
            .with("effective_cache_size", "8GB")
            .with("work_mem", "16MB")
            .with("random_page_cost", "1.1")
            .start();
    PayaraMicroServer server =
        PayaraMicroServer.start(
            new PayaraMicroServer.Settings(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("ims.war")),
                Path.of(System.getProperty("ims.server.config")),
                Integer.getInteger("ims.http.port", 8090),
                benchEnvironment(db, DevKeys.ensure(data.resolve("keys"))),
                List.of("-Xmx1g"),
                data.resolve("server.log")));
    try {
      server.awaitReady(Duration.ofMinutes(5));
      new SearchBenchmark(server.baseUrl(), db).run();
    } finally {
      server.close();
      db.close();
    }
  }

  private static Map<String, String> benchEnvironment(EmbeddedDatabase db, DevKeys keys) {
    Map<String, String> env = PayaraMicroServer.environment(db, keys, false);
    // The benchmark logs in a few times and then measures searches, not the login limits.
    env.put("IMS_AUTH_RATE_LIMIT_PER_IP", "1000");
    env.put("IMS_AUTH_RATE_LIMIT_PER_USERNAME", "1000");
    return env;
  }

  private void run() throws Exception {
    loadDataOnce();
    Map<String, Long> sites = siteIds();
    List<String> rows = new ArrayList<>();
    rows.add(
        "| site | search | REST p50 | REST p95 | REST p99 | SQL p50 | SQL p95 | SQL p99 |"
            + " REST/SQL (p50) | rows found |");
    rows.add("|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Long> site : sites.entrySet()) {
      String token = login(site.getValue());
      for (Map.Entry<String, String> scenario : SCENARIOS.entrySet()) {
        rows.add(measure(site.getKey(), site.getValue(), token, scenario));
      }
    }
    String throughput = throughput(login(sites.values().iterator().next()));
    System.out.println();
    System.out.println("Search benchmark, " + count() + " interactions, " + RUNS + " runs each:");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(throughput);
  }

  private String measure(String siteName, long siteId, String token, Map.Entry<String, String> s)
      throws Exception {
    boolean export = s.getValue().equals("export");
    String url =
        base
            + (export
                ? "/api/interactions/export?format=csv"
                : "/api/interactions?" + s.getValue());
    SearchCriteria criteria =
        export ? SearchCriteria.all().withPage(1, 1000) : SearchCriteria.parse(query(s.getValue()));
    long found = 0;
    for (int i = 0; i < WARM_UP; i++) {
      found = restCall(url, token, export);
    }
    long[] rest = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      restCall(url, token, export);
      rest[i] = System.nanoTime() - t;
    }
    long[] sql = new long[RUNS];
    try (Connection c = db.connectAsApp()) {
      c.setAutoCommit(false);
      for (int i = 0; i < WARM_UP; i++) {
        runSql(c, siteId, criteria);
      }
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        runSql(c, siteId, criteria);
        sql[i] = System.nanoTime() - t;
      }
    }
    Arrays.sort(rest);
    Arrays.sort(sql);
    return String.format(
        "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %d |",
        siteName,
        s.getKey(),
        ms(rest, 50),
        ms(rest, 95),
        ms(rest, 99),
        ms(sql, 50),
        ms(sql, 95),
        ms(sql, 99),
        ms(rest, 50) / ms(sql, 50),
        found);
  }

  /** One REST call; the number of matching rows (list) or of lines (export). */
  private long restCall(String url, String token, boolean export) throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) {
      throw new IllegalStateException(
          url + " answered " + reply.statusCode() + ": " + reply.body());
    }
    if (export) {
      return reply.body().lines().count() - 1;
    }
    JsonObject body = Json.createReader(new StringReader(reply.body())).readObject();
    return body.getJsonObject("meta")
        .getJsonObject("pagination")
        .getJsonNumber("totalRecords")
        .longValue();
  }

  /** What the service runs for a search: the page, the site's total, and the count if filtered. */
  private static void runSql(Connection c, long siteId, SearchCriteria criteria)
      throws SQLException {
    try (PreparedStatement scope =
        c.prepareStatement("SELECT set_config('app.site_id', ?, true)")) {
      scope.setString(1, Long.toString(siteId));
      scope.execute();
    }
    SearchQuery.SiteStats site =
        SearchQuery.SiteStats.of(
            NamedSql.row(c, SearchQuery.SITE_STATS_SQL, Map.of("site", siteId)));
    SearchQuery query = SearchQuery.of(criteria, siteId, site);
    SearchQuery.Total total = query.siteTotal();
    Optional<String> count = query.countSql();
    if (count.isPresent()) {
      long counted = ((Number) NamedSql.row(c, count.get(), query.parameters())[0]).longValue();
      total = query.total(counted);
    }
    drain(c, query.pageSql(total), query.parameters());
    c.commit();
  }

  /** Runs SQL, reading every column of every row as the service does. */
  private static void drain(Connection c, String sql, Map<String, Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = NamedSql.prepare(c, "", sql, parameters)) {
      try (ResultSet rows = statement.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int col = 1; col <= columns; col++) {
            rows.getObject(col);
          }
        }
      }
    }
  }

  private String throughput(String token) throws Exception {
    String url = base + "/api/interactions";
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<long[]>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(
          pool.submit(
              () -> {
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest request =
                    HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build();
                List<Long> latencies = new ArrayList<>();
                while (running.get()) {
                  long t = System.nanoTime();
                  int status =
                      client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  if (status != 200) {
                    throw new IllegalStateException("first page answered " + status);
                  }
                  latencies.add(System.nanoTime() - t);
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
              }));
    }
    long started = System.nanoTime();
    Thread.sleep(THROUGHPUT_TIME.toMillis());
    running.set(false);
    List<Long> all = new ArrayList<>();
    for (Future<long[]> client : clients) {
      for (long latency : client.get()) {
        all.add(latency);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        "Throughput, first page of the large site, %d clients for %d s: %.0f requests/s"
            + " (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms)",
        CLIENTS,
        THROUGHPUT_TIME.toSeconds(),
        sorted.length / seconds,
        ms(sorted, 50),
        ms(sorted, 95),
        ms(sorted, 99));
  }

  private String login(long siteId) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("username", USER)
            .add("password", PASSWORD)
            .build()
            .toString();
    JsonObject session = post("/api/auth/login", null, body);
    String token = session.getString("token");
    if (session.getJsonObject("currentSite") == null
        || session.getJsonObject("currentSite").getJsonNumber("id").longValue() != siteId) {
      token = post("/api/auth/site", token, "{\"siteId\":" + siteId + "}").getString("token");
    }
    return token;
  }

  private JsonObject post(String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + reply.statusCode() + ": " + reply.body());
    }
    return Json.createReader(new StringReader(reply.body())).readObject().getJsonObject("data");
  }

  private void loadDataOnce() throws Exception {
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sites WHERE name = 'Bench 001'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      System.out.println("Loading 1,000,000 interactions (once; a few minutes)...");
      long started = System.nanoTime();
      String hash = BCrypt.withDefaults().hashToString(12, PASSWORD.toCharArray());
      s.execute(script().replace("${bench_hash}", "'" + hash + "'"));
      s.execute("VACUUM ANALYZE");
      System.out.printf("Loaded in %.0f s.%n", (System.nanoTime() - started) / 1e9);
    }
  }

  private static String script() throws IOException {
    try (InputStream in = SearchBenchmark.class.getResourceAsStream("/bench/generate.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The large site and a typical one, by name. */
  private Map<String, Long> siteIds() throws SQLException {
    Map<String, Long> sites = new LinkedHashMap<>();
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT s.name, s.id, count(*) FROM sites s JOIN interactions i ON i.site_id = s.id"
                    + " WHERE s.name IN ('Bench 001', 'Bench 050') GROUP BY s.name, s.id ORDER BY s.name")) {
      while (rs.next()) {
        sites.put(rs.getString(1) + " (" + rs.getLong(3) + ")", rs.getLong(2));
      }
    }
    return sites;
  }

  private long count() throws SQLException {
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM interactions")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, List<String>> query(String queryString) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (!queryString.isEmpty()) {
      for (String pair : queryString.split("&")) {
        String[] kv = pair.split("=", 2);
        parameters
            .computeIfAbsent(kv[0], k -> new ArrayList<>())
            .add(java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  private static double ms(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }
}
