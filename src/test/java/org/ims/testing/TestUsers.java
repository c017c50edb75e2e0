package org.ims.testing;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Users made for one test, directly in the database (as the owner), so that tests that lock,
 * rate-limit or restrict an account never disturb the demo users other tests rely on.
 */
public final class TestUsers {

  public static final String PASSWORD = "Test#2026pass";

  private TestUsers() {}

  /** A fresh user with {@link #PASSWORD} (bcrypt cost 4: fast, and any cost verifies). */
  public static String create(String prefix, String... siteRoles) {
    return create(prefix, 4, siteRoles);
  }

  /**
   * A fresh user with memberships given as "Site name:ROLE" (the first becomes the default when
   * {@code siteRoles} has one entry only).
   */
  public static String create(String prefix, int bcryptCost, String... siteRoles) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String hash = BCrypt.withDefaults().hashToString(bcryptCost, PASSWORD.toCharArray());
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      long userId;
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?) RETURNING id")) {
        s.setString(1, username);
        s.setString(2, username + "@test.example");
        s.setString(3, hash);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          userId = rs.getLong(1);
        }
      }
      for (String siteRole : siteRoles) {
        String[] parts = siteRole.split(":");
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO user_site (user_id, site_id, role, is_default)"
                    + " SELECT ?, id, ?, ? FROM sites WHERE name = ?")) {
          s.setLong(1, userId);
          s.setString(2, parts[1]);
          s.setBoolean(3, siteRoles.length == 1);
          s.setString(4, parts[0]);
          if (s.executeUpdate() != 1) {
            throw new IllegalArgumentException("No site " + parts[0]);
          }
        }
      }
      return username;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one statement as the owner, e.g. to age a password or remove a membership. */
  public static int execute(String sql, Object... parameters) {
    try (Connection c = TestEnvironment.database().connectAsOwner();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new active site with the default interaction types; returns its name. */
  public static String createSite(String prefix) {
    String name = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO sites (name) VALUES (?) RETURNING set_config('app.site_id', id::text, true)")) {
        s.setString(1, name);
        s.executeQuery().close();
      }
      c.createStatement()
          .execute(
              "INSERT INTO interaction_types (site_id, name, position)"
                  + " SELECT current_setting('app.site_id')::bigint, t.name, t.ord"
                  + " FROM unnest(ARRAY['Meeting','Call','Email','Update','Review','Training','Other'])"
                  + " WITH ORDINALITY AS t (name, ord)");
      c.commit();
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Interactions of a site matching a condition, as the database holds them (through RLS). */
  public static long interactionsAt(String site, String condition) {
    try (Connection c = TestEnvironment.database().connectAsOwner()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT set_config('app.site_id', (SELECT id::text FROM sites WHERE name = ?), true)")) {
        s.setString(1, site);
        s.execute();
      }
      try (ResultSet rs =
          c.createStatement()
              .executeQuery("SELECT count(*) FROM interactions WHERE " + condition)) {
        rs.next();
        long count = rs.getLong(1);
        c.rollback();
        return count;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A single value from a query run as the owner. */
  public static String query(String sql, Object... parameters) {
    try (Connection c = TestEnvironment.database().connectAsOwner();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
