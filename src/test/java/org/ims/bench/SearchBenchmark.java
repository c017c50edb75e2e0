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
import java.nio.file.Files;
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
 *
 * <p>{@code -Dbench.scale=small} runs the same at 10,000 interactions (data in {@code
 * .data/bench-small}, other ports), with fewer runs and a shorter throughput test: a few minutes in
 * all, so that CI runs it and it cannot break unnoticed.
 *
 * <p>The server runs with the API's allowances raised out of the way, as the test server does
 * ({@code org.ims.testing.TestEnvironment}), so the rate-limit filter's cost is measured and
 * nothing is refused; {@code -Dbench.rate-limit=off} switches the filter off instead, as for the
 * peer comparison of {@code ../shared/peers}.
 *
 * <p>The client's own cost is shown: every latency table has a row for {@code /health/live}, the
 * cheapest answer the server gives, measured the same way. Where {@code wrk} is installed ({@code
 * -Dbench.wrk}, default {@code /usr/bin/wrk}), the throughput and the one-connection latency are
 * measured with it (as {@code ../shared/peers/compare.sh} does), and {@code
 * -Dbench.peers=http://localhost:8181,...} measures the peer baselines the same way in the same
 * run.
 */
public final class SearchBenchmark {

  static final String USER = "bench";
  static final String PASSWORD = "Bench#2026pass";

  /** How much data, how many runs and how long: the full benchmark, or a quick one for CI. */
  record Scale(
      String name,
      int rows,
      int runs,
      int warmUp,
      Duration throughputTime,
      String dataFolder,
      int dbPort,
      int httpPort) {

    static Scale fromProperties() {
      String name = System.getProperty("bench.scale", "full");
      Scale scale =
          switch (name) {
            case "full" ->
                new Scale(name, 1_000_000, 200, 50, Duration.ofSeconds(20), "bench", 54339, 8090);
            case "small" ->
                new Scale(name, 10_000, 50, 20, Duration.ofSeconds(5), "bench-small", 54341, 8091);
            default ->
                throw new IllegalArgumentException("bench.scale is full or small, not " + name);
          };
      return new Scale(
          name,
          scale.rows(),
          Integer.getInteger("bench.runs", scale.runs()),
          Integer.getInteger("bench.warmup", scale.warmUp()),
          Duration.ofSeconds(
              Integer.getInteger(
                  "bench.throughput-seconds", (int) scale.throughputTime().toSeconds())),
          scale.dataFolder(),
          Integer.getInteger("ims.db.port", scale.dbPort()),
          Integer.getInteger("ims.http.port", scale.httpPort()));
    }
  }

  static final Scale SCALE = Scale.fromProperties();
  static final int RUNS = SCALE.runs();
  static final int WARM_UP = SCALE.warmUp();
  static final int CLIENTS = 16;
  static final Duration THROUGHPUT_TIME = SCALE.throughputTime();

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

  /**
   * HTTP/1.1 as wrk and browsers speak it to this server: the default (HTTP/2) makes every new
   * connection offer an h2c upgrade, which the server declines.
   */
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String base;
  private final EmbeddedDatabase db;
  private final long serverPid;

  private SearchBenchmark(String base, EmbeddedDatabase db, long serverPid) {
    this.base = base;
    this.db = db;
    this.serverPid = serverPid;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("ims.data.dir")).resolveSibling(SCALE.dataFolder());
    EmbeddedDatabase db =
        new EmbeddedDatabase(data.resolve("postgres"), SCALE.dbPort(), false)
            .with("shared_buffers", "2GB")
            .with("effective_cache_size", "8GB")
            .with("work_mem", "16MB")
            .with("random_page_cost", "1.1")
            .start();
    DevKeys keys = DevKeys.ensure(data.resolve("keys"));
    System.out.printf(
        "Benchmark database %s (user %s), token key %s: start the peers against these.%n",
        db.jdbcUrl(), EmbeddedDatabase.APP, keys.publicKey());
    PayaraMicroServer server =
        PayaraMicroServer.start(
            new PayaraMicroServer.Settings(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("ims.war")),
                Path.of(System.getProperty("ims.server.config")),
                SCALE.httpPort(),
                benchEnvironment(db, keys),
                List.of("-Xmx1g"),
                data.resolve("server.log")));
    try {
      server.awaitReady(Duration.ofMinutes(5));
      new SearchBenchmark(server.baseUrl(), db, server.pid()).run();
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
    // One user from one address makes thousands of requests a minute: the API's allowances are
    // raised out of the way as on the test server (the filter still runs), or the filter is off.
    if ("off".equals(System.getProperty("bench.rate-limit"))) {
      env.put("IMS_RATE_LIMIT_ENABLED", "false");
    } else {
      for (String limit : List.of("PER_USER", "PER_IP", "WRITES_PER_USER", "WRITES_PER_IP")) {
        env.put("IMS_RATE_LIMIT_" + limit, "100000000");
      }
    }
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
    rows.add(floor());
    // -Dbench.only=throughput: the throughput figures alone, for a quick comparison of builds.
    boolean scenarios = !"throughput".equals(System.getProperty("bench.only"));
    for (Map.Entry<String, Long> site :
        scenarios ? sites.entrySet() : Map.<String, Long>of().entrySet()) {
      String token = login(site.getValue());
      for (Map.Entry<String, String> scenario : SCENARIOS.entrySet()) {
        rows.add(measure(site.getKey(), site.getValue(), token, scenario));
      }
    }
    String largeSiteToken = login(sites.values().iterator().next());
    String throughput = throughput(largeSiteToken);
    List<String> wrk = wrkTable(largeSiteToken);
    System.out.println();
    System.out.printf(
        "Search benchmark (%s scale), %d interactions, %d runs each, %s, load average %s:%n",
        SCALE.name(), count(), RUNS, java.time.Instant.now(), loadAverage());
    rows.forEach(System.out::println);
    System.out.println(
        "(client floor: the same client on /health/live, which does no work: what the REST"
            + " figures include of the client's and HTTP's own cost)");
    System.out.println();
    System.out.println(throughput);
    System.out.println("Server process: " + residentMemory(serverPid) + " resident (-Xmx1g).");
    if (!wrk.isEmpty()) {
      System.out.println();
      System.out.println(
          "wrk, first page of the large site ("
              + THROUGHPUT_TIME.toSeconds()
              + " s each after as long a warm-up; /health/live is the floor):");
      wrk.forEach(System.out::println);
    }
  }

  /** The client's own cost: {@code /health/live} measured as the searches are. */
  private String floor() throws Exception {
    String url = base + "/health/live";
    for (int i = 0; i < WARM_UP; i++) {
      get(url, null);
    }
    long[] rest = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      get(url, null);
      rest[i] = System.nanoTime() - t;
    }
    Arrays.sort(rest);
    return String.format(
        "| - | client floor: GET /health/live | %.1f | %.1f | %.1f | | | | | |",
        ms(rest, 50), ms(rest, 95), ms(rest, 99));
  }

  /**
   * The first page, and the floor, with wrk at 16 connections and at one; then the same for each
   * peer of {@code -Dbench.peers}, one server loaded at a time. Empty without wrk.
   */
  private List<String> wrkTable(String token) throws Exception {
    Optional<Wrk> found = Wrk.find();
    if (found.isEmpty()) {
      System.out.println("(wrk not found: install it, apt-get install wrk, for the wrk figures)");
      return List.of();
    }
    Wrk wrk = found.get();
    String page = "/api/interactions?page=1&pageSize=25";
    List<String> servers = new ArrayList<>();
    servers.add(base);
    for (String peer : System.getProperty("bench.peers", "").split(",")) {
      if (!peer.isBlank()) {
        servers.add(peer.strip().replaceAll("/+$", ""));
      }
    }
    List<String> table = new ArrayList<>();
    table.add(
        "| server | path | connections | requests/s | p50 | p90 | p99 | non-2xx |"
            + " server CPU per request |");
    table.add("|---|---|---|---|---|---|---|---|---|");
    for (String server : servers) {
      boolean project = server.equals(base);
      if (!project) {
        Thread.sleep(5_000); // let the audit backlog of the previous server drain
      }
      wrk.run(server + page, token, CLIENTS, THROUGHPUT_TIME); // warm-up
      for (int connections : new int[] {CLIENTS, 1}) {
        table.add(wrkRow(wrk, server, page, token, connections, project ? serverPid : 0));
        if (project) {
          table.add(wrkRow(wrk, server, "/health/live", null, connections, serverPid));
        }
      }
    }
    return table;
  }

  /**
   * One wrk run; with the server's process id, also the CPU time the server's process spent per
   * request: much less disturbed than latency by whatever else runs on the machine.
   */
  private static String wrkRow(
      Wrk wrk, String server, String path, String token, int connections, long pid)
      throws Exception {
    long cpuBefore = pid > 0 ? cpuMillis(pid) : 0;
    Wrk.Result r = wrk.run(server + path, token, connections, THROUGHPUT_TIME);
    String cpu =
        pid > 0 && r.requests() > 0
            ? String.format("%.2f ms", (cpuMillis(pid) - cpuBefore) / (double) r.requests())
            : "";
    return String.format(
        "| %s | %s | %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | %s |",
        server,
        path,
        connections,
        r.requestsPerSecond(),
        r.p50(),
        r.p90(),
        r.p99(),
        r.non2xx(),
        cpu);
  }

  /** User and system CPU time of a process so far, from /proc (Linux; clock ticks of 10 ms). */
  private static long cpuMillis(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  /** The VmRSS line of /proc/PID/status: the process's resident memory now. */
  private static String residentMemory(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> line.substring(6).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, url);
  }

  /** Sends with the token, if any; anything but 200 stops the benchmark. */
  private HttpResponse<String> send(HttpRequest.Builder request, String token, String what)
      throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) {
      throw new IllegalStateException(
          what + " answered " + reply.statusCode() + ": " + reply.body());
    }
    return reply;
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
    HttpResponse<String> reply = get(url, token);
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
                HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        "Throughput (Java clients), first page of the large site, %d clients for %d s:"
            + " %.0f requests/s"
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
    HttpResponse<String> reply =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            token,
            path);
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
      System.out.printf("Loading %,d interactions (once; a few minutes)...%n", SCALE.rows());
      long started = System.nanoTime();
      String hash = BCrypt.withDefaults().hashToString(12, PASSWORD.toCharArray());
      s.execute(
          script()
              .replace("${bench_hash}", "'" + hash + "'")
              .replace("${bench_rows}", Integer.toString(SCALE.rows())));
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
