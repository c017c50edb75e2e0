package org.ims.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only for the application and tamper-evident for everyone: an entry
 * edited or removed afterwards, even by the schema owner, is found by the chain check.
 */
class AuditChainIT {

  private final String admin = Api.demoToken("admin");

  @Test
  void anIntactChainVerifies() {
    JsonObject verdict = verify(admin);
    assertTrue(verdict.getBoolean("intact"), verdict.toString());
    assertTrue(verdict.getJsonNumber("checkedRows").longValue() > 0);
    assertEquals(
        verdict.getJsonNumber("checkedRows").longValue(),
        verdict.getJsonNumber("headSequence").longValue());
  }

  @Test
  void anEditedEntryIsNamedAndRestoringItHealsTheChain() {
    long id = newestEntry();
    String original = TestUsers.query("SELECT ip_address FROM audit_log WHERE id = ?", id);
    TestUsers.execute("UPDATE audit_log SET ip_address = '203.0.113.66' WHERE id = ?", id);
    try {
      JsonObject verdict = verify(admin);
      assertFalse(verdict.getBoolean("intact"), verdict.toString());
      JsonObject broken = verdict.getJsonObject("firstBroken");
      assertEquals(id, broken.getJsonNumber("entryId").longValue(), verdict.toString());
      assertEquals("CONTENT_CHANGED", broken.getString("problem"));
    } finally {
      TestUsers.execute("UPDATE audit_log SET ip_address = ? WHERE id = ?", original, id);
    }
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void anEntryRewrittenWithAFreshHashBreaksTheLinkOfTheNextOne() {
    long id = newestEntry();
    long seq = Long.parseLong(TestUsers.query("SELECT chain_seq FROM audit_log WHERE id = ?", id));
    verify(admin); // writes an entry after it
    String action = TestUsers.query("SELECT action FROM audit_log WHERE id = ?", id);
    String hash = TestUsers.query("SELECT hash FROM audit_log WHERE id = ?", id);
    TestUsers.execute("UPDATE audit_log SET action = 'LOGOUT' WHERE id = ?", id);
    TestUsers.execute(
        "UPDATE audit_log a SET hash = ims_audit_hash(a, a.prev_hash) WHERE id = ?", id);
    try {
      JsonObject broken = verify(admin).getJsonObject("firstBroken");
      assertEquals(seq + 1, broken.getJsonNumber("sequence").longValue(), broken.toString());
      assertEquals("PREDECESSOR_CHANGED_OR_REMOVED", broken.getString("problem"));
    } finally {
      TestUsers.execute("UPDATE audit_log SET action = ?, hash = ? WHERE id = ?", action, hash, id);
    }
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void aRemovedEntryIsFoundAndPuttingItBackHealsTheChain() throws SQLException {
    long id = newestEntry();
    long seq = Long.parseLong(TestUsers.query("SELECT chain_seq FROM audit_log WHERE id = ?", id));
    verify(admin); // writes an entry after it
    removeWhileChecking(
        id,
        verdict -> {
          JsonObject broken = verdict.getJsonObject("firstBroken");
          assertEquals(seq + 1, broken.getJsonNumber("sequence").longValue(), verdict.toString());
          assertEquals("PREDECESSOR_CHANGED_OR_REMOVED", broken.getString("problem"));
        });
    assertTrue(verify(admin).getBoolean("intact"));
  }

  @Test
  void removingTheNewestEntriesIsFoundToo() throws SQLException {
    removeWhileChecking(
        newestEntry(),
        verdict ->
            assertEquals(
                "ENTRIES_REMOVED_AT_END",
                verdict.getJsonObject("firstBroken").getString("problem"),
                verdict.toString()));
    assertTrue(verify(admin).getBoolean("intact"));
  }

  /** Deletes an entry as the owner, checks the verdict, and puts the entry back exactly. */
  private void removeWhileChecking(long id, java.util.function.Consumer<JsonObject> check)
      throws SQLException {
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
        c.createStatement().execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain");
        c.commit();
      }
    }
  }

  @Test
  void theApplicationRoleCanNeitherChangeNorRemoveEntriesNorMoveTheHead() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET ip_address = '203.0.113.1'",
              "DELETE FROM audit_log",
              "TRUNCATE audit_log",
              "UPDATE audit_chain_head SET chain_seq = 0")) {
        SQLException refused =
            assertThrows(SQLException.class, () -> c.createStatement().execute(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
      }
    }
  }

  @Test
  void concurrentAppendsStayOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
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
                              "INSERT INTO audit_log (action, details, chain_seq, hash)"
                                  + " VALUES ('SEARCH', '{\"test\":\"concurrent\"}', 1, 'forged')")) {
                        s.executeUpdate();
                      }
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

  private static JsonObject verify(String token) {
    Http.Reply reply = Api.get(token, "/api/audit/verify");
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonObject("data");
  }

  private static long newestEntry() {
    return Long.parseLong(
        TestUsers.query("SELECT id FROM audit_log ORDER BY chain_seq DESC LIMIT 1"));
  }
}
