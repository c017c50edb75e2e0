package org.ims.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A password a user had before, kept to refuse its reuse. */
@Entity
@Table(name = "password_history")
public class PasswordHistoryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected PasswordHistoryEntry() {}

  PasswordHistoryEntry(Long userId, String passwordHash, Instant changedAt) {
    this.userId = userId;
    this.passwordHash = passwordHash;
    this.changedAt = changedAt;
  }

  String passwordHash() {
    return passwordHash;
  }
}
