package org.ims.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Every login attempt, with time, username, address and outcome, kept for the lockout review. */
@Entity
@Table(name = "login_attempts")
public class LoginAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempted_at")
  private Instant attemptedAt;

  private String username;

  @Column(name = "user_id")
  private Long userId;

  @Column(name = "ip_address")
  private String ipAddress;

  private boolean success;
  private String reason;

  protected LoginAttempt() {}

  LoginAttempt(String username, Long userId, String ipAddress, boolean success, String reason) {
    this.attemptedAt = Instant.now();
    this.username = username.length() > 255 ? username.substring(0, 255) : username;
    this.userId = userId;
    this.ipAddress = ipAddress;
    this.success = success;
    this.reason = reason;
  }
}
