package org.ims.user;

import java.time.Instant;
import org.ims.site.Role;
import org.ims.user.UserDirectory.Member;

/** A user as an administrator of one site sees them: the account and its role there. */
public record UserView(
    Long id,
    String username,
    String email,
    boolean active,
    boolean locked,
    Instant lockedUntil,
    Instant lastLogin,
    boolean mustChangePassword,
    Role role,
    Instant assignedAt) {

  static UserView of(Member member) {
    User u = member.user();
    boolean locked = u.isLockedAt(Instant.now());
    return new UserView(
        u.id(),
        u.username(),
        u.email(),
        u.active(),
        locked,
        locked ? u.lockedUntil() : null,
        u.lastLogin(),
        u.mustChangePassword(),
        member.membership().role(),
        member.membership().assignedAt());
  }

  /** A user and, when one was generated, the one-time password to hand over (shown once). */
  public record WithPassword(UserView user, String temporaryPassword) {}
}
