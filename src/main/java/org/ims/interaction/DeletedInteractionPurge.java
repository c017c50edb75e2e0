package org.ims.interaction;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.ims.site.SiteContext;

/**
 * Every night, removes for good the interactions deleted longer ago than they can be restored (30
 * days by default), site by site, each in its own transaction, through the same site-scoped service
 * as everything else.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeletedInteractionPurge {

  private static final Logger LOG = Logger.getLogger(DeletedInteractionPurge.class.getName());

  @PersistenceContext EntityManager em;
  @Inject InteractionService interactions;
  @Inject SiteContext context;
  @Inject DeletionRetention retention;

  @Schedule(hour = "3", minute = "17", persistent = false)
  public void nightly() {
    int purged = purgeDeletedBefore(retention.cutoff());
    LOG.info(() -> "Purged " + purged + " interaction(s) deleted before " + retention.cutoff());
  }

  /** Purges every site; returns how many interactions went. */
  public int purgeDeletedBefore(Instant cutoff) {
    List<Long> sites = em.createQuery("SELECT s.id FROM Site s", Long.class).getResultList();
    int purged = 0;
    for (Long site : sites) {
      context.establishForSystem(site);
      purged += interactions.purgeDeletedBefore(cutoff);
    }
    return purged;
  }
}
