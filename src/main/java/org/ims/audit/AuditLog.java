package org.ims.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * Writes the audit trail. Each row joins one of the hash chains of its retention class, whose head
 * stays locked until the writing transaction ends (see {@code V5__audit_chains_and_retention.sql}):
 * a transaction keeps appending to the chain it holds, others take a chain nobody holds, so
 * transactions no longer queue behind each other. Searches and exports, recorded often and off the
 * request's work, go through {@link DeferredAuditLog} instead.
 */
@Stateless
public class AuditLog {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext EntityManager em;

  /**
   * A change to data, recorded in the caller's transaction: the change and its audit entry commit
   * or roll back together.
   */
  public void change(
      AuditAction action,
      Actor actor,
      String entityType,
      Object entityId,
      Object oldValues,
      Object newValues) {
    em.persist(
        new AuditEntry(
            action,
            actor,
            entityType,
            entityId == null ? null : entityId.toString(),
            toJson(oldValues),
            toJson(newValues),
            null));
  }

  /**
   * A security event (login, refusal, revocation), recorded in a transaction of its own so that it
   * stays even when the request that caused it fails.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void securityEvent(AuditAction action, Actor actor, Map<String, ?> details) {
    em.persist(new AuditEntry(action, actor, null, null, null, null, toJson(details)));
  }

  private static String toJson(Object value) {
    return value == null ? null : JSON.toJson(value);
  }
}
