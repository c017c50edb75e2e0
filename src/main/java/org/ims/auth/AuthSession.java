package org.ims.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One login, web or API: the family of every token issued from it. Revoked by logout or by the
 * reuse of one of its refresh tokens; the revocation is in the database, so every server sees it.
 */
@Entity
@Table(name = "auth_sessions")
public class AuthSession {

  public enum Channel {
    API,
    WEB
  }

  @Id private UUID id;

  @Column(name = "user_id")
  private Long userId;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason")
  private String revokedReason;

  @Column(name = "ip_address")
  private String ipAddress;

  protected AuthSession() {}

  AuthSession(Long userId, Channel channel, Instant now, Instant expiresAt, String ipAddress) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.channel = channel;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.ipAddress = ipAddress;
  }

  public boolean isActiveAt(Instant now) {
    return isOpen(revokedAt != null, expiresAt, now);
  }

  /** The rule of {@link #isActiveAt}, also for a session read as columns. */
  static boolean isOpen(boolean revoked, Instant expiresAt, Instant now) {
    return !revoked && expiresAt.isAfter(now);
  }

  void revoke(Instant now, String reason) {
    if (revokedAt == null) {
      revokedAt = now;
      revokedReason = reason;
    }
  }

  public UUID id() {
    return id;
  }

  public Long userId() {
    return userId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
