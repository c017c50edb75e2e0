package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The schema as the running application left it: migrations applied, row-level security and grants
 * holding for the application role, and the demo data of the embedded default.
 */
// First of all classes: the demo data is checked exactly, before other tests add their own users.
@Order(1)
class SchemaIT {

  @Test
  void everyMigrationIsAppliedSuccessfully() throws Exception {
    long files;
    try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
      files = migrations.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
    try (Connection c = TestEnvironment.database().connectAsOwner();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), bool_and(success) FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL")) {
      rs.next();
      assertEquals(files, rs.getLong(1));
      assertTrue(rs.getBoolean(2));
    }
  }

  @Test
  void applicationRoleIsNeitherOwnerNorSuperuser() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT r.rolsuper, r.rolbypassrls, t.tableowner = current_user"
                        + " FROM pg_roles r, pg_tables t"
                        + " WHERE r.rolname = current_user AND t.tablename = 'interactions'")) {
      rs.next();
      assertFalse(rs.getBoolean(1), "superuser");
      assertFalse(rs.getBoolean(2), "bypasses RLS");
      assertFalse(rs.getBoolean(3), "owns interactions");
    }
  }

  @Test
  void withoutTheSiteSettingNoSiteOwnedRowIsVisible() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      assertEquals(0, count(c, "SELECT count(*) FROM interactions"));
      assertEquals(0, count(c, "SELECT count(*) FROM interaction_types"));
    }
  }

  @Test
  void theOwnerIsHeldByRowLevelSecurityToo() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      assertEquals(0, count(c, "SELECT count(*) FROM interactions"));
    }
  }

  @Test
  void theSiteSettingShowsThatSiteOnlyAndLastsOneTransaction() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      long headquarters = siteId(c, "Headquarters");
      c.setAutoCommit(false);
      setSite(c, headquarters);
      assertEquals(150, count(c, "SELECT count(*) FROM interactions"));
      assertEquals(
          1, count(c, "SELECT count(DISTINCT site_id) FROM interactions"), "one site only");
      c.commit();
      assertEquals(0, count(c, "SELECT count(*) FROM interactions"), "setting outlived its tx");
    }
  }

  @Test
  void rowsOfAnotherSiteCannotBeWritten() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      long headquarters = siteId(c, "Headquarters");
      long lab = siteId(c, "Research Lab");
      c.setAutoCommit(false);
      setSite(c, headquarters);
      long author = count(c, "SELECT id FROM users WHERE username = 'admin'");
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO interactions (site_id, title, type, lead, start_datetime,"
                            + " end_datetime, timezone, created_by) VALUES (?, 'x', 'Call', 'y',"
                            + " now(), now() + interval '1 hour', 'UTC', ?)")) {
                  insert.setLong(1, lab);
                  insert.setLong(2, author);
                  insert.executeUpdate();
                }
              });
      assertEquals("42501", refused.getSQLState(), refused.getMessage());
      c.rollback();
      setSite(c, headquarters);
      assertEquals(
          0,
          c.createStatement()
              .executeUpdate("UPDATE interactions SET lead = lead WHERE site_id = " + lab),
          "another site's rows are invisible to UPDATE");
      c.rollback();
    }
  }

  @Test
  void auditRowsCanBeAddedButNeverChangedOrRemoved() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO audit_log (action, details) VALUES ('TEST', '{}')");
      for (String sql :
          List.of(
              "UPDATE audit_log SET action = 'X'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
        SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql);
      }
    }
  }

  @Test
  void demoDataHasTheDocumentedSitesUsersAndRoles() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      assertEquals(
          List.of("Field Office", "Headquarters", "Research Lab"),
          strings(c, "SELECT name FROM sites ORDER BY name"));
      assertEquals(
          List.of(
              "admin Field Office ADMINISTRATOR",
              "admin Headquarters ADMINISTRATOR",
              "editor Field Office EDITOR",
              "lab Research Lab EDITOR",
              "viewer Headquarters VIEWER"),
          strings(
              c,
              "SELECT u.username || ' ' || s.name || ' ' || us.role FROM user_site us"
                  + " JOIN users u ON u.id = us.user_id JOIN sites s ON s.id = us.site_id"
                  + " ORDER BY 1"));
      Map<String, String> passwords =
          Map.of(
              "admin", "Admin#2026pass",
              "editor", "Editor#2026pass",
              "viewer", "Viewer#2026pass",
              "lab", "Lab#2026pass");
      for (var entry : passwords.entrySet()) {
        String hash =
            strings(c, "SELECT password_hash FROM users WHERE username = '" + entry.getKey() + "'")
                .get(0);
        assertTrue(hash.startsWith("$2a$12$"), "bcrypt cost 12 for " + entry.getKey());
        assertTrue(
            BCrypt.verifyer().verify(entry.getValue().toCharArray(), hash).verified,
            "documented password of " + entry.getKey());
      }
    }
  }

  @Test
  void demoDataHasAtLeast300InteractionsOverEverySiteTypeAndSixTimezones() throws SQLException {
    try (Connection c = TestEnvironment.database().connectAsApp()) {
      c.setAutoCommit(false);
      long total = 0;
      List<String> zones = new ArrayList<>();
      for (String site : strings(c, "SELECT name FROM sites")) {
        setSite(c, siteId(c, site));
        long interactions = count(c, "SELECT count(*) FROM interactions");
        assertTrue(interactions >= 50, site + " has " + interactions);
        total += interactions;
        assertEquals(
            List.of("Call", "Email", "Meeting", "Other", "Review", "Training", "Update"),
            strings(c, "SELECT name FROM interaction_types ORDER BY name"));
        assertEquals(7, count(c, "SELECT count(DISTINCT type) FROM interactions"), site);
        assertTrue(count(c, "SELECT count(DISTINCT lead) FROM interactions") >= 10, site);
        zones.addAll(strings(c, "SELECT DISTINCT timezone FROM interactions"));
        c.commit();
      }
      assertTrue(total >= 300, "total " + total);
      assertTrue(zones.stream().distinct().count() >= 6, zones.toString());
    }
  }

  private static long siteId(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM sites WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void setSite(Connection c, long siteId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT set_config('app.site_id', ?, true)")) {
      s.setString(1, Long.toString(siteId));
      s.execute();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
