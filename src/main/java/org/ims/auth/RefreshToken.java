package org.ims.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use refresh token, known by its SHA-256 only. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "session_id")
  private AuthSession session;

  @Column(name = "site_id")
  private Long siteId;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, AuthSession session, Long siteId, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.session = session;
    this.siteId = siteId;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }

  boolean used() {
    return usedAt != null;
  }

  boolean expiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  void markUsed(Instant now) {
    usedAt = now;
  }

  AuthSession session() {
    return session;
  }

  Long siteId() {
    return siteId;
  }
}
