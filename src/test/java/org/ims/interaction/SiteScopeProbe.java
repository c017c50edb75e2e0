package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.ims.site.SiteOwned;

/**
 * Test-only bean deployed with {@code InContainerSiteScopeIT}: looks at what the interceptor left
 * in the current transaction, and reads with the application's filter off.
 */
@Stateless
public class SiteScopeProbe {

  @PersistenceContext EntityManager em;

  public String currentSiteSetting() {
    return (String)
        em.createNativeQuery("SELECT current_setting('app.site_id', true)").getSingleResult();
  }

  public boolean siteFilterEnabled() {
    return em.unwrap(Session.class).getEnabledFilter(SiteOwned.FILTER) != null;
  }

  /** Loads by id with only row-level security in the way (the Hibernate filter disabled). */
  public Interaction findWithDatabaseLockOnly(long siteId, long interactionId) {
    em.unwrap(Session.class).disableFilter(SiteOwned.FILTER);
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, Long.toString(siteId))
        .getSingleResult();
    return em.find(Interaction.class, interactionId);
  }

  /** Backdates a deletion (as the site's own transaction), to test the purge. */
  public void backdateDeletion(long siteId, long interactionId, int days) {
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, Long.toString(siteId))
        .getSingleResult();
    em.createNativeQuery(
            "UPDATE interactions SET deleted_at = now() - make_interval(days => ?1) WHERE id = ?2")
        .setParameter(1, days)
        .setParameter(2, interactionId)
        .executeUpdate();
  }

  public long countById(long siteId, long interactionId) {
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, Long.toString(siteId))
        .getSingleResult();
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM interactions WHERE id = ?1")
                .setParameter(1, interactionId)
                .getSingleResult())
        .longValue();
  }
}
