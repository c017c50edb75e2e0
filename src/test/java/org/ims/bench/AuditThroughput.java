package org.ims.bench;

import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.ims.devserver.EmbeddedDatabase;
import org.ims.testing.TestEnvironment;

/**
 * How many audit rows the database chains per second, the way the application writes them, from N
 * connections of the application role at once (several servers look the same to the database: one
 * pool each). A fresh embedded PostgreSQL migrated by the application's own migrations, nothing
 * else. Prints figures and asserts nothing; it also runs against a schema without the retention
 * functions (before V5), skipping what that schema cannot do.
 *
 * <ul>
 *   <li><b>one action, one transaction</b>: a change and its audit row (insert, one more statement,
 *       commit), so the row's chain stays locked until the commit, as it does in the application.
 *   <li><b>batched search records</b>: 100 rows in one statement and one transaction, as search
 *       records written off the request thread are.
 *   <li><b>purge</b>: old rows seeded first, then retired through the retention function in batches
 *       of 10,000 (deleted for sign-in records, anonymised for activity records).
 * </ul>
 *
 * <p>Arguments: seconds per run, and the numbers of connections. {@code -Dbench.schema=4} migrates
 * only up to V4 (one chain, before this measurement's changes), so that both can be measured from
 * the same build, one after the other, under the same load.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ims.bench.AuditThroughput \
 *     -Dexec.args="10 1,4,16,32" [-Dbench.schema=4]
 * </pre>
 */
public final class AuditThroughput {

  /** A mix of what the application records: searches, sign-ins and changes. */
  private static final List<String> ACTIONS =
      List.of("SEARCH", "LOGIN_SUCCEEDED", "INTERACTION_UPDATED", "SEARCH");

  /** Rows name a user and a site, as the application's do (each is a foreign key checked). */
  private static final String ONE_ROW =
      "INSERT INTO audit_log (occurred_at, user_id, username, site_id, action, ip_address,"
          + " request_id, details) VALUES (now(), ?, 'bench', ?, ?, '127.0.0.1', ?,"
          + " '{\"search\":\"budget\",\"page\":1,\"results\":25}')";

  private static final String MANY_ROWS =
      "INSERT INTO audit_log (occurred_at, user_id, username, site_id, action, ip_address,"
          + " request_id, details) SELECT now(), ?, 'bench', ?, 'SEARCH', '127.0.0.1', r,"
          + " '{\"search\":\"budget\",\"page\":1,\"results\":25}' FROM unnest(?::varchar[]) r";

  /** The users and sites the rows name: one per writer, as many users on a few sites. */
  private static long[] users;

  private static long[] sites;

  private AuditThroughput() {}

  public static void main(String[] args) throws Exception {
    Duration length = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
    int[] connections =
        Arrays.stream((args.length > 1 ? args[1] : "1,4,16,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path dir = Path.of("target", "bench-audit");
    deleteRecursively(dir);
    try (EmbeddedDatabase db =
        new EmbeddedDatabase(dir.resolve("postgres"), TestEnvironment.freePort(), false).start()) {
      Flyway.configure()
          .dataSource(db.jdbcUrl(), EmbeddedDatabase.OWNER, EmbeddedDatabase.OWNER_PASSWORD)
          .locations("classpath:db/migration")
          .placeholders(Map.of("app_user", EmbeddedDatabase.APP))
          .target(System.getProperty("bench.schema", "latest"))
          .load()
          .migrate();
      actors(db, Arrays.stream(connections).max().orElse(1));
      System.out.printf("Load average before: %s%n", loadAverage());
      List<String> rows = new ArrayList<>();
      rows.add("| connections | one action per transaction | batched search records (100/tx) |");
      rows.add("|---|---|---|");
      for (int n : connections) {
        double single = run(db, n, length, false);
        double batched = run(db, n, length, true);
        rows.add(String.format("| %d | %,.0f rows/s | %,.0f rows/s |", n, single, batched));
      }
      System.out.printf("Load average after inserts: %s%n", loadAverage());
      System.out.println();
      System.out.println("Audit inserts, " + length.toSeconds() + " s each:");
      rows.forEach(System.out::println);
      System.out.println();
      System.out.println(rowCount(db));
      purge(db);
      System.out.printf("Load average at the end: %s%n", loadAverage());
    }
    System.exit(0);
  }

  /** Rows per second written by {@code n} connections for {@code length}. */
  private static double run(EmbeddedDatabase db, int n, Duration length, boolean batched)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    AtomicLong written = new AtomicLong();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int writer = i;
        writers.add(
            pool.submit(
                () -> {
                  try (Connection c = db.connectAsApp()) {
                    c.setAutoCommit(false);
                    if (batched) {
                      writeBatches(c, writer, end, written);
                    } else {
                      writeSingles(c, writer, end, written);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return written.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void writeSingles(Connection c, int writer, long end, AtomicLong written)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(ONE_ROW);
        PreparedStatement other = c.prepareStatement("SELECT 1")) {
      long i = 0;
      insert.setLong(1, users[writer]);
      insert.setLong(2, sites[writer % sites.length]);
      while (System.nanoTime() < end) {
        insert.setString(3, ACTIONS.get((int) (i % ACTIONS.size())));
        insert.setString(4, writer + "-" + i++);
        insert.executeUpdate();
        other.executeQuery().close();
        c.commit();
        written.incrementAndGet();
      }
    }
  }

  private static void writeBatches(Connection c, int writer, long end, AtomicLong written)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(MANY_ROWS)) {
      long i = 0;
      String[] ids = new String[100];
      insert.setLong(1, users[writer]);
      insert.setLong(2, sites[writer % sites.length]);
      while (System.nanoTime() < end) {
        for (int k = 0; k < ids.length; k++) {
          ids[k] = writer + "-" + i++;
        }
        insert.setArray(3, c.createArrayOf("varchar", ids));
        insert.executeUpdate();
        c.commit();
        written.addAndGet(ids.length);
      }
    }
  }

  /** A user per writer and four sites. */
  private static void actors(EmbeddedDatabase db, int writers) throws SQLException {
    users = new long[writers];
    sites = new long[4];
    try (Connection c = db.connectAsOwner()) {
      for (int i = 0; i < sites.length; i++) {
        sites[i] = id(c, "INSERT INTO sites (name) VALUES ('Bench site " + i + "') RETURNING id");
      }
      for (int i = 0; i < writers; i++) {
        users[i] =
            id(
                c,
                "INSERT INTO users (username, email, password_hash) VALUES ('bench"
                    + i
                    + "', 'bench"
                    + i
                    + "@bench.example', 'x') RETURNING id");
      }
    }
  }

  private static long id(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String rowCount(EmbeddedDatabase db) throws SQLException {
    try (Connection c = db.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log")) {
      rs.next();
      return rs.getLong(1) + " rows in audit_log.";
    }
  }

  /** Purge throughput through the retention function, when the schema has it. */
  private static void purge(EmbeddedDatabase db) throws SQLException {
    try (Connection owner = db.connectAsOwner();
        Connection app = db.connectAsApp()) {
      if (!exists(owner, "SELECT 1 FROM pg_proc WHERE proname = 'ims_audit_retire'")) {
        System.out.println("No retention function in this schema: purge not measured.");
        return;
      }
      owner.createStatement().execute("TRUNCATE audit_log");
      owner
          .createStatement()
          .execute(
              "UPDATE audit_chain SET head_seq = 0, head_hash = NULL,"
                  + " start_seq = 0, start_hash = NULL");
      int seeded = 200_000;
      long t = System.nanoTime();
      owner
          .createStatement()
          .execute(
              "INSERT INTO audit_log (occurred_at, username, action, ip_address, request_id,"
                  + " details) SELECT now() - interval '3 years', 'bench',"
                  + " CASE WHEN g % 2 = 0 THEN 'LOGIN_SUCCEEDED' ELSE 'SEARCH' END, '127.0.0.1',"
                  + " g::text, '{\"search\":\"budget\"}' FROM generate_series(1, "
                  + seeded
                  + ") g");
      System.out.printf(
          "Seeded %,d rows three years old in %.1f s.%n", seeded, (System.nanoTime() - t) / 1e9);
      app.setAutoCommit(false);
      for (String[] kind :
          List.of(
              new String[] {"authentication", "P2Y", "deleted"},
              new String[] {"activity", "P1Y", "anonymised"})) {
        long rows = 0;
        long batches = 0;
        t = System.nanoTime();
        try (PreparedStatement retire =
            app.prepareStatement(
                "SELECT coalesce(sum(retired), 0) FROM ims_audit_retire(?, ?::interval, 10000)")) {
          while (true) {
            retire.setString(1, kind[0]);
            retire.setString(2, kind[1]);
            long n;
            try (ResultSet rs = retire.executeQuery()) {
              rs.next();
              n = rs.getLong(1);
            }
            app.commit();
            batches++;
            rows += n;
            if (n == 0) {
              break;
            }
          }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(
            "Purge, %s records: %,d rows %s in %d batches, %.1f s: %,.0f rows/s%n",
            kind[0], rows, kind[2], batches, seconds, rows / seconds);
      }
    }
  }

  private static boolean exists(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
