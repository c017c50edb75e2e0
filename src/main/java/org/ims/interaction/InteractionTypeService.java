package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.site.SiteContext;
import org.ims.site.SiteScoped;

/** The active site's interaction types. */
@Stateless
@SiteScoped
public class InteractionTypeService {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject AuditLog audit;

  /**
   * The active types of the site named in an address, which must be the caller's active site:
   * another site's id answers 404 (and is recorded) like any other id of another site.
   */
  public List<InteractionType> activeTypesOf(long siteId) {
    if (siteId != context.siteId()) {
      audit.securityEvent(
          AuditAction.NOT_FOUND_BY_ID, context.actor(), Map.of("entity", "Site", "id", siteId));
      throw new ApiException(404, "NOT_FOUND", "Site " + siteId + " is not your active site.");
    }
    return activeTypes();
  }

  /** The types offered for new interactions, in the site's order. */
  public List<InteractionType> activeTypes() {
    return em.createQuery(
            "SELECT t FROM InteractionType t WHERE t.retiredAt IS NULL ORDER BY t.position, t.name",
            InteractionType.class)
        .getResultList();
  }
}
