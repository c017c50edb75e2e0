package org.ims.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcType;

/** One line of the audit trail. Written once, never changed (the database refuses updates). */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "user_id")
  private Long userId;

  private String username;

  @Column(name = "site_id")
  private Long siteId;

  private String action;

  @Column(name = "entity_type")
  private String entityType;

  @Column(name = "entity_id")
  private String entityId;

  @Column(name = "ip_address")
  private String ipAddress;

  @Column(name = "request_id")
  private String requestId;

  @JdbcType(JsonbAsText.class)
  @Column(name = "old_values")
  private String oldValues;

  @JdbcType(JsonbAsText.class)
  @Column(name = "new_values")
  private String newValues;

  @JdbcType(JsonbAsText.class)
  private String details;

  protected AuditEntry() {}

  AuditEntry(
      AuditAction action,
      Actor actor,
      String entityType,
      String entityId,
      String oldValues,
      String newValues,
      String details) {
    this.occurredAt = Instant.now();
    this.action = action.name();
    this.userId = actor.userId();
    this.username = actor.username();
    this.siteId = actor.siteId();
    this.ipAddress = actor.ipAddress();
    this.requestId = actor.requestId();
    this.entityType = entityType;
    this.entityId = entityId;
    this.oldValues = oldValues;
    this.newValues = newValues;
    this.details = details;
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Long userId() {
    return userId;
  }

  public String username() {
    return username;
  }

  public Long siteId() {
    return siteId;
  }

  public String action() {
    return action;
  }

  public String entityType() {
    return entityType;
  }

  public String entityId() {
    return entityId;
  }

  public String ipAddress() {
    return ipAddress;
  }

  public String requestId() {
    return requestId;
  }

  /** As JSON text. */
  public String oldValues() {
    return oldValues;
  }

  /** As JSON text. */
  public String newValues() {
    return newValues;
  }

  /** As JSON text. */
  public String details() {
    return details;
  }
}
