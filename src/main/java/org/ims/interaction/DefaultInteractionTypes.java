package org.ims.interaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.ims.site.SiteCreated;

/** The interaction types every new site starts with, as the demo sites have them. */
@ApplicationScoped
public class DefaultInteractionTypes {

  static final List<String> NAMES =
      List.of("Meeting", "Call", "Email", "Update", "Review", "Training", "Other");

  @PersistenceContext EntityManager em;

  /**
   * Runs in the transaction that creates the site. Row-level security admits rows of the
   * transaction's site only: the new site, for these inserts; the rest of that transaction touches
   * no other site's data.
   */
  void seed(@Observes SiteCreated created) {
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, created.siteId().toString())
        .getSingleResult();
    for (int i = 0; i < NAMES.size(); i++) {
      em.persist(new InteractionType(created.siteId(), NAMES.get(i), i + 1));
    }
    em.flush();
  }
}
