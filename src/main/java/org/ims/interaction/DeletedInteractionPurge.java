package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.ims.site.SiteContext;

/**
 * The retention job's step for interactions: removes for good those deleted longer ago than they
 * can be restored ({@link DeletionRetention}, 30 days by default), site by site, in batches of a
 * transaction each, through the same site-scoped service as everything else. Not scheduled itself:
 * {@code org.ims.retention.RetentionJob} runs it with every other retention rule, on one server.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeletedInteractionPurge {

  @PersistenceContext EntityManager em;
  @Inject InteractionService interactions;
  @Inject SiteContext context;
  @Inject DeletionRetention retention;

  /** The cut-off of the configured period: deletions before it can no longer be restored. */
  public Instant cutoff() {
    return retention.cutoff();
  }

  /**
   * Purges every site, {@code batch} interactions per transaction; returns how many went. As the
   * system, not as a person: called only by scheduled work, never from a request.
   */
  public int purgeDeletedBefore(Instant cutoff, int batch) {
    List<Long> sites = em.createQuery("SELECT s.id FROM Site s", Long.class).getResultList();
    int purged = 0;
    for (Long site : sites) {
      context.establishForSystem(site);
      int n;
      do {
        n = interactions.purgeDeletedBefore(cutoff, batch);
        purged += n;
      } while (n == batch);
    }
    return purged;
  }
}
