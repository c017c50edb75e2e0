package org.ims.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ims.devserver.DevKeys;
import org.ims.devserver.EmbeddedDatabase;
import org.ims.devserver.PayaraMicroServer;
import org.ims.testing.TestEnvironment;

/**
 * How many audit rows 1,000 Finder list requests ({@code GET /api/interactions}) leave, in three
 * patterns of use, each by four users of its own: people using the Finder (typing a word, which the
 * page sends once per debounced keystroke, turning pages, sorting, coming back, filtering), a load
 * test (the same first page again and again), and every request different (the worst case). Starts
 * its own PostgreSQL (demo data) and Payara Micro with the built WAR. Prints figures, asserts
 * nothing.
 *
 * <pre>
 * mvn -q -DskipTests package exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ims.bench.FinderAuditVolume \
 *     -Dims.war=target/ims.war -Dpayara.microJar=target/payara-micro.jar -Dims.server.config=server-config
 * </pre>
 */
public final class FinderAuditVolume {

  private static final int REQUESTS = 1000;
  private static final String PASSWORD = "Bench#2026pass";
  private static final List<String> WORDS =
      List.of(
          "budget",
          "review",
          "supplier",
          "contract",
          "training",
          "meeting",
          "figures",
          "safety",
          "quarterly",
          "planning",
          "research",
          "onboarding");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final EmbeddedDatabase db;

  private FinderAuditVolume(String base, EmbeddedDatabase db) {
    this.base = base;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of("target", "bench-finder-audit");
    deleteRecursively(dir);
    EmbeddedDatabase db =
        new EmbeddedDatabase(dir.resolve("postgres"), TestEnvironment.freePort(), false).start();
    Map<String, String> env =
        new LinkedHashMap<>(
            PayaraMicroServer.environment(db, DevKeys.ensure(dir.resolve("keys")), true));
    env.put("IMS_AUTH_RATE_LIMIT_PER_IP", "1000");
    for (String limit : List.of("PER_USER", "PER_IP")) {
      env.put("IMS_RATE_LIMIT_" + limit, "1000000");
    }
    PayaraMicroServer server =
        PayaraMicroServer.start(
            new PayaraMicroServer.Settings(
                Path.of(System.getProperty("payara.microJar")),
                Path.of(System.getProperty("ims.war")),
                Path.of(System.getProperty("ims.server.config")),
                TestEnvironment.freePort(),
                env,
                List.of("-Xmx512m"),
                dir.resolve("server.log")));
    try {
      server.awaitReady(Duration.ofMinutes(5));
      new FinderAuditVolume(server.baseUrl(), db).run();
    } finally {
      server.close();
      db.close();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Map<String, List<Request>> scenarios = new LinkedHashMap<>();
    scenarios.put("people using the Finder", finderVisits());
    scenarios.put("load test (the same first page)", each(i -> "page=1&pageSize=25"));
    scenarios.put(
        "every request different", each(i -> "search=" + WORDS.get(i % WORDS.size()) + i));
    List<String> rows = new ArrayList<>();
    rows.add("| pattern | requests | SEARCH rows written | rows per 1,000 requests |");
    rows.add("|---|---|---|---|");
    int n = 0;
    for (Map.Entry<String, List<Request>> scenario : scenarios.entrySet()) {
      List<String> tokens = new ArrayList<>();
      for (int u = 0; u < 4; u++) {
        tokens.add(login(createUser("vol" + n + "u" + u)));
      }
      n++;
      long before = lastAuditId();
      for (Request request : scenario.getValue()) {
        get(tokens.get(request.user()), "/api/interactions?" + request.query());
      }
      long written = settledSearchRowsAfter(before);
      rows.add(
          String.format(
              "| %s | %,d | %,d | %,.0f |",
              scenario.getKey(), REQUESTS, written, written * 1000.0 / REQUESTS));
    }
    System.out.println();
    System.out.println("Audit rows of Finder list requests:");
    rows.forEach(System.out::println);
  }

  /** A list request by one of the four users (0-3). */
  private record Request(int user, String query) {}

  private static List<Request> each(IntFunction<String> query) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      requests.add(new Request(i % 4, query.apply(i)));
    }
    return requests;
  }

  /**
   * Visits to the Finder, the four users in turn, each visit with the next word (so a user's words
   * come back after twelve of their visits): land on the first page, type a word (three searches,
   * as the page sends one per pause in typing), turn two pages, sort, open a result and come back,
   * clear the search, filter by type and turn a page. Eleven list requests per visit.
   */
  private static List<Request> finderVisits() {
    List<Request> requests = new ArrayList<>();
    for (int visit = 0; requests.size() < REQUESTS; visit++) {
      int user = visit % 4;
      String word = WORDS.get((visit / 4) % WORDS.size());
      String q = "search=" + encode(word);
      for (String query :
          List.of(
              "page=1",
              "search=" + encode(word.substring(0, 3)),
              "search=" + encode(word.substring(0, 5)),
              q,
              q + "&page=2",
              q + "&page=3",
              q + "&sort=title",
              q,
              "page=1",
              "type=Meeting",
              "type=Meeting&page=2")) {
        requests.add(new Request(user, query));
      }
    }
    return requests.subList(0, REQUESTS);
  }

  /**
   * SEARCH rows after {@code id}, once no more arrive for three seconds (they are written late).
   */
  private long settledSearchRowsAfter(long id) throws Exception {
    long seen = -1;
    long stableSince = System.nanoTime();
    while (true) {
      long now = count("SELECT count(*) FROM audit_log WHERE action = 'SEARCH' AND id > ?", id);
      if (now != seen) {
        seen = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > 3_000_000_000L) {
        return seen;
      }
      Thread.sleep(200);
    }
  }

  private long lastAuditId() throws SQLException {
    return count("SELECT coalesce(max(id), 0) FROM audit_log WHERE id > ?", 0);
  }

  private long count(String sql, long parameter) throws SQLException {
    try (Connection c = db.connectAsOwner();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** An editor at Headquarters, made directly in the database. */
  private String createUser(String username) throws SQLException {
    try (Connection c = db.connectAsOwner();
        PreparedStatement user =
            c.prepareStatement(
                "WITH u AS (INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)"
                    + " RETURNING id) INSERT INTO user_site (user_id, site_id, role, is_default)"
                    + " SELECT u.id, s.id, 'EDITOR', true FROM u, sites s"
                    + " WHERE s.name = 'Headquarters'")) {
      user.setString(1, username);
      user.setString(2, username + "@bench.example");
      user.setString(3, BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray()));
      user.executeUpdate();
    }
    return username;
  }

  private String login(String username) throws Exception {
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(reply.body());
    if (!token.find()) {
      throw new IllegalStateException("login failed: " + reply.body());
    }
    return token.group(1);
  }

  private void get(String token, String path) throws Exception {
    HttpResponse<Void> reply =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (reply.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + reply.statusCode());
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
