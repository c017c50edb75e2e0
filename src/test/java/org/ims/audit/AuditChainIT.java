package org.ims.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only for the application and tamper-evident for everyone: an entry
 * edited or removed afterwards, even by the schema owner, is found by the check of its chain, and
 * each of the chains is checked on its own.
 */
class AuditChainIT {

  private final String admin = Api.demoToken("admin");

  /** Two entries one after the other in one chain: the second names the first as predecessor. */
  private record Pair(int chain, long firstId, long firstSeq, long secondId, long secondSeq) {}

  @Test
  void anIntactTrailVerifiesChainByChain() {
    JsonObject verdict = verify(admin);
    assertTrue(verdict.getBoolean("intact"), verdict.toString());
    assertTrue(verdict.getJsonNumber("checkedRows").longValue() > 0);
    long sum = 0;
    Set<String> classes = new HashSet<>();
    for (JsonObject chain : verdict.getJsonArray("chains").getValuesAs(JsonObject.class)) {
      long checked = chain.getJsonNumber("checkedRows").longValue();
      sum += checked;
      classes.add(chain.getString("retentionClass"));
      assertEquals(
          chain.getJsonNumber("headSequence").longValue()
              - chain.getJsonNumber("startSequence").longValue(),
          checked,
          chain.toString());
    }
    assertEquals(verdict.getJsonNumber("checkedRows").longValue(), sum);
    assertEquals(Set.of("authentication", "activity", "change"), classes);
  }

  @Test
  void everyActionHasARetentionClass() {
    for (AuditAction action : AuditAction.values()) {
      assertNotNull(
          TestUsers.query("SELECT ims_audit_retention_class(?)", action.name()),
          action + " needs a class in ims_audit_retention_class (a migration)");
    }
  }

  @Test
  void anEditedEntryIsNamedWithItsChainAndRestoringItHealsTheChain() {
    Pair pair = twoInOneChain();
    String original =
        TestUsers.query("SELECT ip_address FROM audit_log WHERE id = ?", pair.secondId());
    TestUsers.execute(
        "UPDATE audit_log SET ip_address = '203.0.113.66' WHERE id = ?", pair.secondId());
    try {
      JsonObject verdict = verify(admin);
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      JsonObject broken = verdict.getJsonObject("firstBroken");
      assertEquals(
          pair.secondId(), broken.getJsonNumber("entryId").longValue(), verdict.toString());
      assertEquals(pair.chain(), broken.getInt("chain"));
      assertEquals(pair.secondSeq(), broken.getJsonNumber("sequence").longValue());
      assertEquals("CONTENT_CHANGED", broken.getString("problem"));
    } finally {
      TestUsers.execute(
          "UPDATE audit_log SET ip_address = ? WHERE id = ?", original, pair.secondId());
    }
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void anEntryRewrittenWithAFreshHashBreaksTheLinkOfTheNextOne() {
    Pair pair = twoInOneChain();
    long id = pair.firstId();
    String action = TestUsers.query("SELECT action FROM audit_log WHERE id = ?", id);
    String hash = TestUsers.query("SELECT hash FROM audit_log WHERE id = ?", id);
    TestUsers.execute("UPDATE audit_log SET action = 'EXPORT' WHERE id = ?", id);
    TestUsers.execute(
        "UPDATE audit_log a SET hash = ims_audit_hash(a, a.prev_hash) WHERE id = ?", id);
    try {
      JsonObject broken = verify(admin).getJsonObject("firstBroken");
      assertEquals(pair.chain(), broken.getInt("chain"), broken.toString());
      assertEquals(pair.secondSeq(), broken.getJsonNumber("sequence").longValue());
      assertEquals("PREDECESSOR_CHANGED_OR_REMOVED", broken.getString("problem"));
    } finally {
      TestUsers.execute("UPDATE audit_log SET action = ?, hash = ? WHERE id = ?", action, hash, id);
    }
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void aRemovedEntryIsFoundAndPuttingItBackHealsTheChain() throws SQLException {
    Pair pair = twoInOneChain();
    removeWhileChecking(
        pair.firstId(),
        verdict -> {
          JsonObject broken = verdict.getJsonObject("firstBroken");
          assertEquals(pair.chain(), broken.getInt("chain"), verdict.toString());
          assertEquals(pair.secondSeq(), broken.getJsonNumber("sequence").longValue());
          assertEquals("PREDECESSOR_CHANGED_OR_REMOVED", broken.getString("problem"));
        });
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void removingTheNewestEntriesOfAChainIsFoundToo() throws SQLException {
    Pair pair = twoInOneChain();
    removeWhileChecking(
        pair.secondId(),
        verdict -> {
          JsonObject broken = verdict.getJsonObject("firstBroken");
          assertEquals("ENTRIES_REMOVED_AT_END", broken.getString("problem"), verdict.toString());
          assertEquals(pair.chain(), broken.getInt("chain"));
        });
    assertTrue(verify(admin).getBoolean("intact"));
  }

  /**
   * Two entries written by the application role in one transaction: the transaction holds one
   * chain, so they are consecutive in it, and nobody else can append between them.
   */
  private static Pair twoInOneChain() {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      c.setAutoCommit(false);
      long[][] rows = new long[2][];
      for (int i = 0; i < 2; i++) {
        try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO audit_log (action, username, ip_address, details)"
                        + " VALUES ('SEARCH', 'chain-test', '192.0.2.1', '{\"n\":"
                        + i
                        + "}')"
                        + " RETURNING id, chain_id, chain_seq");
            ResultSet rs = s.executeQuery()) {
          rs.next();
          rows[i] = new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
      }
      c.commit();
      assertEquals(rows[0][1], rows[1][1], "one chain");
      assertEquals(rows[0][2] + 1, rows[1][2], "consecutive");
      return new Pair((int) rows[0][1], rows[0][0], rows[0][2], rows[1][0], rows[1][2]);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes an entry as the owner, checks the verdict, and puts the entry back exactly. */
  private void removeWhileChecking(long id, Consumer<JsonObject> check) throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      c.setAutoCommit(false);
      c.createStatement()
          .execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_log WHERE id = " + id);
      c.createStatement().execute("DELETE FROM audit_log WHERE id = " + id);
      c.commit();
      try {
        JsonObject verdict = verify(admin);
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        check.accept(verdict);
      } finally {
        // The chaining trigger would give it a new place and hash: put it back as it was.
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

  @Test
  void theApplicationRoleCanNeitherChangeNorRemoveEntriesNorMoveAChain() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET ip_address = '203.0.113.1'",
              "DELETE FROM audit_log",
              "TRUNCATE audit_log",
              "UPDATE audit_chain SET head_seq = 0",
              "UPDATE audit_chain SET start_seq = head_seq",
              "UPDATE audit_retention_rule SET minimum_age = interval '1 second'")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
      }
    }
  }

  @Test
  void concurrentAppendsUseSeveralChainsAndKeepEachIntact() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Set<Long> chains = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        writers.add(
            pool.submit(
                () -> {
                  try (Connection c = TestEnvironment.database().connectAsApp()) {
                    c.setAutoCommit(false);
                    for (int n = 0; n < 10; n++) {
                      try (PreparedStatement s =
                              c.prepareStatement(
                                  "INSERT INTO audit_log (action, details, chain_id, chain_seq,"
                                      + " hash) VALUES ('SEARCH', '{\"test\":\"concurrent\"}', 1,"
                                      + " 1, 'forged') RETURNING chain_id");
                          ResultSet rs = s.executeQuery()) {
                        rs.next();
                        chains.add(rs.getLong(1));
                      }
                      // Held a moment, as a request's transaction holds its chain until commit.
                      Thread.sleep(5);
                      c.commit();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(chains.size() > 1, "appends spread over chains: " + chains);
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void onlyAdministratorsMayReadOrVerifyTheTrail() {
    String viewer = Api.demoToken("viewer");
    for (String path : List.of("/api/audit", "/api/audit/verify")) {
      Http.Reply reply = Api.get(viewer, path);
      assertEquals(403, reply.status(), reply.body());
    }
  }

  static JsonObject verify(String token) {
    Http.Reply reply = Api.get(token, "/api/audit/verify");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonObject("data");
  }
}
