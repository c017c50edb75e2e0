package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server, through the application's own connection pool: migrations have run at
 * deployment, the pool connects as the application role, and row-level security scopes it to the
 * site set in the current transaction only, so a pooled connection never carries a stale site.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerDatabaseIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("ims.war")))
        .addClass(InContainerDatabaseIT.class);
  }

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Resource UserTransaction transaction;

  @Test
  void thePoolConnectsAsTheApplicationRoleToAMigratedSchema() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertEquals("ims_app", single(c, "SELECT current_user"));
      assertEquals("3", single(c, "SELECT count(*) FROM sites"));
    }
  }

  @Test
  void withoutASiteNothingIsVisible() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      assertEquals("0", single(c, "SELECT count(*) FROM interactions"));
    }
  }

  @Test
  void theSiteSettingIsScopedToTheTransaction() throws Exception {
    String labId;
    try (Connection c = dataSource.getConnection()) {
      labId = single(c, "SELECT id FROM sites WHERE name = 'Research Lab'");
    }
    transaction.begin();
    try (Connection c = dataSource.getConnection()) {
      single(c, "SELECT set_config('app.site_id', '" + labId + "', true)");
      assertEquals(
          labId, single(c, "SELECT string_agg(DISTINCT site_id::text, ',') FROM interactions"));
      assertTrue(Long.parseLong(single(c, "SELECT count(*) FROM interactions")) > 0);
    } finally {
      transaction.commit();
    }
    // Any connection the pool hands out next, including the one just used, sees nothing again.
    for (int i = 0; i < 5; i++) {
      try (Connection c = dataSource.getConnection()) {
        assertEquals("0", single(c, "SELECT count(*) FROM interactions"));
      }
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
