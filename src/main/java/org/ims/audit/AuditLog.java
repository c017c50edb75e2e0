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
 * Writes the audit trail. Each row joins the hash chain under a lock of the chain's head that is
 * held until the writing transaction ends (see {@code V4__audit_hash_chain.sql}). So within one
 * transaction, record security events before changes: a security event runs in a new transaction
 * that would wait for the suspended one holding the head.
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
