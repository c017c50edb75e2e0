package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.ims.platform.ApiException;
import org.ims.platform.Database;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the site-scoping interceptor is active around the services, sets the site for
 * the transaction only, and the database alone (filter off) still hides other sites' rows; the
 * retention job's purge removes what was deleted over 30 days ago and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerSiteScopeIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("ims.war")))
        .addClasses(InContainerSiteScopeIT.class, SiteScopeProbe.class);
  }

  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject InteractionService interactions;
  @Inject InteractionTypeService types;
  @Inject DeletedInteractionPurge purge;
  @Inject SiteScopeProbe probe;
  @Inject DeletionRetention retention;
  @Resource UserTransaction transaction;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private long admin;
  private long headquarters;
  private long lab;
  private long labInteraction;

  @BeforeEach
  void ids() throws Exception {
    admin = single("SELECT id FROM users WHERE username = 'admin'");
    headquarters = single("SELECT id FROM sites WHERE name = 'Headquarters'");
    lab = single("SELECT id FROM sites WHERE name = 'Research Lab'");
    transaction.begin();
    try {
      labInteraction = ((Number) probeFirstId(lab)).longValue();
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void theInterceptorScopesTheTransactionAndOnlyIt() throws Exception {
    actAs(admin, headquarters);
    transaction.begin();
    try {
      assertEquals(7, types.activeTypes().size());
      assertEquals(Long.toString(headquarters), probe.currentSiteSetting());
      assertTrue(
          probe.siteFilterEnabled(), "Hibernate filter on in the shared persistence context");
    } finally {
      transaction.commit();
    }
    transaction.begin();
    try {
      String after = probe.currentSiteSetting();
      assertTrue(
          after == null || after.isEmpty(), "no site outside the call's transaction: " + after);
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void anotherSitesIdIsNotFoundThroughTheService() {
    actAs(admin, headquarters);
    ApiException refused = assertThrows(ApiException.class, () -> interactions.get(labInteraction));
    assertEquals(404, refused.status());
  }

  @Test
  void rowLevelSecurityAloneHidesAnotherSitesRows() throws Exception {
    transaction.begin();
    try {
      assertNull(probe.findWithDatabaseLockOnly(headquarters, labInteraction), "hidden by RLS");
    } finally {
      transaction.rollback();
    }
    transaction.begin();
    try {
      assertNotNull(probe.findWithDatabaseLockOnly(lab, labInteraction), "visible at its own site");
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void thePurgeRemovesOnlyWhatWasDeletedOverThirtyDaysAgo() throws Exception {
    actAs(admin, headquarters);
    long old = interactions.create(draft(), false).id();
    long recent = interactions.create(draft(), false).id();
    interactions.delete(old, null);
    interactions.delete(recent, null);
    transaction.begin();
    probe.backdateDeletion(headquarters, old, 31);
    transaction.commit();

    assertTrue(purge.purgeDeletedBefore(retention.cutoff(), 1) >= 1, "in batches of one");

    transaction.begin();
    try {
      assertEquals(0, probe.countById(headquarters, old), "purged");
      assertEquals(1, probe.countById(headquarters, recent), "still restorable");
    } finally {
      transaction.rollback();
    }
  }

  private void actAs(long user, long site) {
    context.establish(
        new SiteContext.Caller(user, "probe", false, UUID.randomUUID(), false),
        memberships.activeMembership(user, site).orElseThrow());
  }

  private static InteractionDraft draft() {
    OffsetDateTime start = OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS);
    return new InteractionDraft(
        "Purge probe " + UUID.randomUUID(),
        "Call",
        "Tester",
        start,
        start.plusHours(1),
        "Europe/London",
        null,
        null,
        null);
  }

  private Object probeFirstId(long site) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("SELECT set_config('app.site_id', '" + site + "', true)");
      try (ResultSet rs = c.createStatement().executeQuery("SELECT min(id) FROM interactions")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long single(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
