package org.ims.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.ims.audit.AuditRetention;
import org.ims.audit.viewer.AuditTrail;
import org.ims.platform.Database;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Inside a server, on the test database: the retention job honours each period (rows just past it
 * go, rows just short of it stay), deletes sign-in records and anonymises activity records through
 * the database's own function, moves each chain's start to the last row it retired so that the
 * trail still verifies and a row changed or removed after the start is still found, works in
 * bounded batches, runs on one server at a time, writes one audit entry per run, and leaves a chain
 * that does not verify as it is.
 *
 * <p>Old rows are seeded into chains of their own, made by the test (as the schema owner): in the
 * shared test database every existing chain already holds recent rows, and retention only ever
 * removes the beginning of a chain.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerRetentionIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("ims.war")))
        .addClass(InContainerRetentionIT.class);
  }

  @Inject RetentionJob job;
  @Inject AuditRetention auditRetention;
  @Inject AuditTrail trail;
  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject MetricRegistry registry;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** Something checked while a row is away. */
  private interface Check {
    void run() throws Exception;
  }

  /** An entry seeded into a test chain: its id, place and hash. */
  private record Seeded(long id, int chain, long seq, String hash) {}

  @Test
  void eachPeriodIsHonouredAndTheTrailStillVerifiesFromTheNewStarts() throws Exception {
    int signIns = newChain("authentication");
    int activity = newChain("activity");
    String who = "ret-" + UUID.randomUUID().toString().substring(0, 8);
    List<Seeded> auth =
        seed(
            signIns,
            "authentication",
            who,
            new String[] {"LOGIN_FAILED", "2 years 10 days"},
            new String[] {"LOGIN_SUCCEEDED", "2 years 1 day"},
            new String[] {"LOGOUT", "2 years -1 day"},
            // Older, but after a younger one: it goes when that one does, never before.
            new String[] {"LOGIN_FAILED", "3 years"});
    List<Seeded> searches =
        seed(
            activity,
            "activity",
            who,
            new String[] {"SEARCH", "1 year 10 days"},
            new String[] {"EXPORT", "1 year 1 day"},
            new String[] {"SEARCH", "1 year -1 day"});
    long admin = number("SELECT id FROM users WHERE username = 'admin'");
    long site = number("SELECT id FROM sites WHERE name = 'Headquarters'");
    execute(
        "INSERT INTO login_attempts (attempted_at, username, ip_address, success)"
            + " VALUES (now() - interval '2 years 1 day', ?, '198.51.100.9', false),"
            + " (now() - interval '2 years -1 day', ?, '198.51.100.9', false)",
        who,
        who);
    UUID endedLongAgo = session(admin, "now() - interval '3 days'", "now() - interval '2 days'");
    UUID endedRecently = session(admin, "now() - interval '1 hour'", null);
    UUID revokedLongAgo = session(admin, "now() + interval '5 days'", "now() - interval '2 days'");
    UUID open = session(admin, "now() + interval '1 day'", null);
    execute(
        "INSERT INTO refresh_tokens (token_hash, session_id, site_id, expires_at)"
            + " VALUES (?, ?, ?, now() - interval '3 days')",
        "ret-token-" + endedLongAgo,
        endedLongAgo,
        site);
    long runsBefore = number("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'");

    RetentionJob.Result result = job.run();

    assertEquals(RetentionMetrics.Outcome.COMPLETED, result.outcome(), result.toString());
    assertEquals(List.of(false, false, true, true), exist(auth), "sign-ins past 2 years deleted");
    assertEquals(List.of(true, true, true), exist(searches), "activity is kept");
    assertEquals(
        List.of(true, true, false),
        anonymised(searches),
        "activity past 1 year anonymised, the younger one not");
    assertEquals(
        "{\"n\": 0}",
        text("SELECT details::text FROM audit_log WHERE id = ?", searches.get(0).id()),
        "what was done stays");
    assertStart(signIns, auth.get(1));
    assertStart(activity, searches.get(1));
    assertEquals(
        1, number("SELECT count(*) FROM login_attempts WHERE username = ?", who), "the younger");
    assertEquals(
        List.of(false, true, false, true),
        List.of(
            sessionExists(endedLongAgo),
            sessionExists(endedRecently),
            sessionExists(revokedLongAgo),
            sessionExists(open)),
        "sessions that ended over a day ago go, ended or not yet ended");
    assertEquals(
        0, number("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", endedLongAgo));

    assertEquals(
        runsBefore + 1, number("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'"));
    String details =
        text("SELECT details::text FROM audit_log WHERE action = 'RETENTION_RUN' ORDER BY id DESC");
    assertTrue(details.contains("\"outcome\": \"COMPLETED\""), details);
    assertTrue(details.contains("\"authentication-logs\": 2"), details);
    assertTrue(details.contains("\"activity-logs\": 2"), details);
    assertTrue(details.contains("\"chain\": " + signIns), details);
    assertTrue(details.contains("\"hash\": \"" + auth.get(1).hash() + "\""), details);
    assertTrue(details.contains("not applied"), "archived interactions: " + details);

    AuditTrail.Verification verdict = verify();
    assertTrue(verdict.intact(), verdict.toString());
    AuditTrail.Chain chain =
        verdict.chains().stream().filter(c -> c.chain() == signIns).findFirst().orElseThrow();
    assertEquals(auth.get(1).seq(), chain.startSequence());
    assertTrue(chain.checkedRows() >= 2, "the rows after the start: " + chain);

    // A row after the start changed: found.
    Seeded first = auth.get(2);
    execute("UPDATE audit_log SET ip_address = '203.0.113.99' WHERE id = ?", first.id());
    try {
      AuditTrail.Broken broken = verify().firstBroken();
      assertNotNull(broken);
      assertEquals("CONTENT_CHANGED", broken.problem());
      assertEquals(first.id(), broken.entryId());
      assertEquals(signIns, broken.chain());
    } finally {
      execute("UPDATE audit_log SET ip_address = '198.51.100.7' WHERE id = ?", first.id());
    }
    // The first row after the start removed: found at the next one.
    removeWhile(
        first.id(),
        () -> {
          AuditTrail.Broken broken = verify().firstBroken();
          assertNotNull(broken);
          assertEquals("PREDECESSOR_CHANGED_OR_REMOVED", broken.problem());
          assertEquals(auth.get(3).seq(), broken.sequence());
        });
    assertTrue(verify().intact());
  }

  @Test
  void batchesAreBounded() throws Exception {
    int chain = newChain("authentication");
    String who = "ret-" + UUID.randomUUID().toString().substring(0, 8);
    String[] old = {"LOGIN_FAILED", "3 years"};
    List<Seeded> rows = seed(chain, "authentication", who, old, old, old, old, old);
    List<Long> batches = new ArrayList<>();
    AuditRetention.Batch b;
    while ((b =
                auditRetention
                    .retire(AuditRetention.Retired.AUTHENTICATION, "P2Y", 2, chain - 1)
                    .orElse(null))
            != null
        && b.chain() == chain) {
      batches.add(b.rows());
      assertEquals(start(chain), b.startSequence());
    }
    assertEquals(List.of(2L, 2L, 1L), batches);
    assertEquals(rows.get(4).seq(), start(chain));
    assertEquals(0, number("SELECT count(*) FROM audit_log WHERE username = ?", who));

    execute(
        "INSERT INTO login_attempts (attempted_at, username, success)"
            + " SELECT now() - interval '3 years', ?, false FROM generate_series(1, 3)",
        who);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT ims_purge_login_attempts(interval 'P2Y', 2)")) {
      List<Long> deleted = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          deleted.add(rs.getLong(1));
        }
      }
      assertTrue(deleted.get(0) <= 2 && deleted.get(1) <= 2, deleted.toString());
    }
    assertEquals(0, number("SELECT count(*) FROM login_attempts WHERE username = ?", who));
  }

  @Test
  void oneServerAtATime() throws Exception {
    long runsBefore = number("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'");
    long skippedBefore = runs("skipped");
    long completedBefore = runs("completed");
    try (Connection other = owner()) {
      // Another server's run holds the lock.
      try (PreparedStatement s = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
        s.setLong(1, RetentionJob.LOCK);
        s.execute();
      }
      RetentionJob.Result skipped = job.run();
      assertTrue(skipped.skipped(), skipped.toString());
      assertEquals(
          runsBefore, number("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'"));
      assertEquals(skippedBefore + 1, runs("skipped"));
      try (PreparedStatement s = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        s.setLong(1, RetentionJob.LOCK);
        s.execute();
      }
    }
    assertFalse(job.run().skipped(), "the other server's run is over");
    assertEquals(
        runsBefore + 1, number("SELECT count(*) FROM audit_log WHERE action = 'RETENTION_RUN'"));
    assertEquals(completedBefore + 1, runs("completed"));
  }

  private long runs(String outcome) {
    return registry
        .getCounters()
        .get(new MetricID("ims.retention.runs", new Tag("outcome", outcome)))
        .getCount();
  }

  @Test
  void aChainThatDoesNotVerifyKeepsItsEvidenceAndTheOthersGoOn() throws Exception {
    int tampered = newChain("authentication");
    int intact = newChain("authentication");
    String who = "ret-" + UUID.randomUUID().toString().substring(0, 8);
    String[] old = {"LOGIN_FAILED", "3 years"};
    List<Seeded> evidence = seed(tampered, "authentication", who, old, old, old);
    List<Seeded> others = seed(intact, "authentication", who, old, old);
    execute("UPDATE audit_log SET ip_address = '203.0.113.5' WHERE id = ?", evidence.get(1).id());
    try {
      RetentionJob.Result result = job.run();
      assertEquals(RetentionMetrics.Outcome.FAILED, result.outcome());
      String error = result.errors().get("authentication-logs");
      assertTrue(
          error.contains(
              "chain " + tampered + " does not verify at sequence " + evidence.get(1).seq()),
          error);
      assertEquals(List.of(true, true, true), exist(evidence), "nothing of it retired");
      assertEquals(0, start(tampered));
      assertEquals(List.of(false, false), exist(others), "the next chain was retired");
      String details =
          text(
              "SELECT details::text FROM audit_log WHERE action = 'RETENTION_RUN'"
                  + " ORDER BY id DESC");
      assertTrue(details.contains("\"outcome\": \"FAILED\""), details);
      assertTrue(details.contains("does not verify"), details);
    } finally {
      execute(
          "UPDATE audit_log SET ip_address = '198.51.100.7' WHERE id = ?", evidence.get(1).id());
    }
    assertEquals(RetentionMetrics.Outcome.COMPLETED, job.run().outcome());
    assertEquals(List.of(false, false, false), exist(evidence));
  }

  @Test
  void theApplicationRoleStillCannotChangeOrRemoveAuditRowsNorShortenAPeriod() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET username = NULL",
              "DELETE FROM audit_log",
              "UPDATE audit_chain SET start_seq = head_seq")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql);
      }
      for (String sql :
          List.of(
              "SELECT * FROM ims_audit_retire('authentication', interval 'P1D', 100)",
              "SELECT * FROM ims_audit_retire('activity', interval 'P30D', 100)",
              "SELECT * FROM ims_audit_retire('change', interval 'P10Y', 100)",
              "SELECT ims_purge_login_attempts(interval 'P1D', 100)")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
        assertEquals("22023", refused.getSQLState(), sql + ": " + refused.getMessage());
      }
    }
  }

  // --- helpers ---

  private AuditTrail.Verification verify() throws Exception {
    long admin = number("SELECT id FROM users WHERE username = 'admin'");
    long site = number("SELECT id FROM sites WHERE name = 'Headquarters'");
    context.establish(
        new SiteContext.Caller(admin, "admin", true, UUID.randomUUID(), false),
        memberships.activeMembership(admin, site).orElseThrow());
    return trail.verify();
  }

  /** A new, empty chain of the class, as the schema owner would add one. */
  private int newChain(String retentionClass) throws SQLException {
    return (int)
        number(
            "INSERT INTO audit_chain (chain_id, retention_class)"
                + " SELECT greatest(max(chain_id), 900) + 1, ? FROM audit_chain RETURNING chain_id",
            retentionClass);
  }

  /**
   * Entries (action, age) appended to the chain, in this order, in one transaction that prefers the
   * chain (and gets it: nobody else holds a chain nobody knows yet).
   */
  private List<Seeded> seed(int chain, String retentionClass, String who, String[]... entries)
      throws SQLException {
    List<Seeded> seeded = new ArrayList<>();
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      try (PreparedStatement prefer =
          c.prepareStatement(
              "SELECT set_config('ims.audit_chain." + retentionClass + "', ?, true)")) {
        prefer.setString(1, Integer.toString(chain));
        prefer.execute();
      }
      int n = 0;
      for (String[] entry : entries) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_log (occurred_at, user_id, username, action, ip_address,"
                    + " request_id, details) VALUES (now() - ?::interval,"
                    + " (SELECT id FROM users WHERE username = 'admin'), ?, ?, '198.51.100.7',"
                    + " 'ret-request', jsonb_build_object('n', ?))"
                    + " RETURNING id, chain_id, chain_seq, hash")) {
          s.setString(1, entry[1]);
          s.setString(2, who);
          s.setString(3, entry[0]);
          s.setInt(4, n++);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            seeded.add(new Seeded(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4)));
          }
        }
      }
      c.commit();
    }
    for (Seeded s : seeded) {
      assertEquals(chain, s.chain(), "seeded into the test's chain");
    }
    return seeded;
  }

  private UUID session(long user, String expires, String revoked) throws SQLException {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO auth_sessions (id, user_id, channel, created_at, expires_at, revoked_at)"
            + " VALUES (?, ?, 'API', now() - interval '10 days', "
            + expires
            + ", "
            + (revoked == null ? "NULL" : revoked)
            + ")",
        id,
        user);
    return id;
  }

  private boolean sessionExists(UUID id) throws SQLException {
    return number("SELECT count(*) FROM auth_sessions WHERE id = ?", id) == 1;
  }

  private List<Boolean> exist(List<Seeded> rows) throws SQLException {
    List<Boolean> found = new ArrayList<>();
    for (Seeded s : rows) {
      found.add(number("SELECT count(*) FROM audit_log WHERE id = ?", s.id()) == 1);
    }
    return found;
  }

  /** Whether each row's actor is gone: user, username, address and request all empty. */
  private List<Boolean> anonymised(List<Seeded> rows) throws SQLException {
    List<Boolean> found = new ArrayList<>();
    for (Seeded s : rows) {
      found.add(
          number(
                  "SELECT count(*) FROM audit_log WHERE id = ? AND user_id IS NULL"
                      + " AND username IS NULL AND ip_address IS NULL AND request_id IS NULL",
                  s.id())
              == 1);
    }
    return found;
  }

  private void assertStart(int chain, Seeded last) throws SQLException {
    assertEquals(last.seq(), start(chain), "chain " + chain + " starts after its last retired row");
    assertEquals(last.hash(), text("SELECT start_hash FROM audit_chain WHERE chain_id = ?", chain));
  }

  private long start(int chain) throws SQLException {
    return number("SELECT start_seq FROM audit_chain WHERE chain_id = ?", chain);
  }

  /** Deletes a row as the owner, runs the check, and puts the row back exactly as it was. */
  private void removeWhile(long id, Check check) throws Exception {
    try (Connection c = owner()) {
      c.setAutoCommit(false);
      c.createStatement()
          .execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_log WHERE id = " + id);
      c.createStatement().execute("DELETE FROM audit_log WHERE id = " + id);
      c.commit();
      try {
        check.run();
      } finally {
        c.createStatement().execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain");
        c.createStatement()
            .execute("INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM removed");
        // The head's deferred trigger runs now (it finds the head already past the row): a
        // table with pending trigger events cannot be altered.
        c.createStatement().execute("SET CONSTRAINTS ALL IMMEDIATE");
        c.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain");
        c.commit();
      }
    }
  }

  /** The schema owner, as migrations connect: what a test needs to seed and tamper. */
  private static Connection owner() throws SQLException {
    Config config = ConfigProvider.getConfig();
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(config.getValue("db.url", String.class));
    owner.setUser(config.getValue("db.migration.user", String.class));
    owner.setPassword(config.getValue("db.migration.password", String.class));
    return owner.getConnection();
  }

  private static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = owner();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      s.execute();
    }
  }

  private static long number(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(text(sql, parameters));
  }

  private static String text(String sql, Object... parameters) throws SQLException {
    try (Connection c = owner();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    }
  }

  private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }
}
