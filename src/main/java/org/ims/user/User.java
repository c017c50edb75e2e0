package org.ims.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An account. Lockout state lives here, in the database, so it holds across restarts and servers.
 */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String email;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "is_active")
  private boolean active;

  @Column(name = "global_admin")
  private boolean globalAdmin;

  @Column(name = "last_login")
  private Instant lastLogin;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @Column(name = "must_change_password")
  private boolean mustChangePassword;

  @Column(name = "failed_login_count")
  private int failedLoginCount;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected User() {}

  /** A new, active account. */
  public User(String username, String email, String passwordHash, boolean mustChangePassword) {
    Instant now = Instant.now();
    this.username = username;
    this.email = email;
    this.passwordHash = passwordHash;
    this.active = true;
    this.passwordChangedAt = now;
    this.mustChangePassword = mustChangePassword;
  }

  /**
   * Makes the account a global administrator: only the first one is made so ({@link
   * FirstAdministrator}).
   */
  void grantGlobalAdmin() {
    this.globalAdmin = true;
  }

  public void changeEmail(String email) {
    this.email = email;
    this.updatedAt = Instant.now();
  }

  public void setActive(boolean active) {
    this.active = active;
    this.updatedAt = Instant.now();
  }

  /** Ends a lockout and forgets earlier failures. */
  public void unlock() {
    this.lockedUntil = null;
    this.failedLoginCount = 0;
    this.updatedAt = Instant.now();
  }

  /** A password set by someone else: it works once, then must be changed. */
  public void setTemporaryPassword(String newHash, Instant now) {
    passwordHash = newHash;
    passwordChangedAt = now;
    mustChangePassword = true;
    updatedAt = now;
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /**
   * Counts one more consecutive failure; at {@code maxAttempts} the account locks for {@code
   * lockFor} and the count starts again, so that after the lock the user has the full number of
   * attempts. Returns whether this failure locked the account.
   */
  public boolean recordFailedLogin(Instant now, int maxAttempts, Duration lockFor) {
    failedLoginCount++;
    if (failedLoginCount >= maxAttempts) {
      failedLoginCount = 0;
      lockedUntil = now.plus(lockFor);
      return true;
    }
    return false;
  }

  public void recordSuccessfulLogin(Instant now) {
    failedLoginCount = 0;
    lockedUntil = null;
    lastLogin = now;
  }

  public boolean passwordChangeRequired(Instant now, Duration maxAge) {
    return passwordChangeRequired(mustChangePassword, passwordChangedAt, now, maxAge);
  }

  /**
   * The rule of {@link #passwordChangeRequired(Instant, Duration)}, also for an account read as
   * columns.
   */
  public static boolean passwordChangeRequired(
      boolean mustChange, Instant changedAt, Instant now, Duration maxAge) {
    return mustChange || changedAt.plus(maxAge).isBefore(now);
  }

  public void changePassword(String newHash, Instant now) {
    passwordHash = newHash;
    passwordChangedAt = now;
    mustChangePassword = false;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public boolean active() {
    return active;
  }

  /** May configure sites (create, rename, deactivate), beyond any role at a site. */
  public boolean globalAdmin() {
    return globalAdmin;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public Instant lastLogin() {
    return lastLogin;
  }

  public int failedLoginCount() {
    return failedLoginCount;
  }
}
