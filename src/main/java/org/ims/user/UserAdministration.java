package org.ims.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.auth.PasswordHasher;
import org.ims.auth.PasswordPolicy;
import org.ims.auth.SessionService;
import org.ims.auth.TemporaryPassword;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.Role;
import org.ims.site.Site;
import org.ims.site.SiteContext;

/**
 * An ADMINISTRATOR managing the users of their active site. The site named in an address must be
 * the active site, and a user must be a member of it: anything else answers 404, as ids of another
 * site always do. Only the membership of this site is ever shown or changed. Changes to the account
 * itself (email, password, deactivation) reach every site the user belongs to, so they are allowed
 * only to whoever administers all of those sites (or is a global administrator): otherwise an
 * administrator of one site could take over an account that works at a site they do not administer.
 * Every change is audited with its old and new values; role and membership changes apply at the
 * user's next request, which re-reads the membership.
 */
@Stateless
public class UserAdministration {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int EMAIL_MAX = 100;

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject PasswordHasher hasher;
  @Inject SessionService sessions;
  @Inject AuditLog audit;

  /** A user as an administrator of one site sees them. */
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

    static UserView of(Membership m) {
      User u = m.user();
      return new UserView(
          u.id(),
          u.username(),
          u.email(),
          u.active(),
          u.isLockedAt(Instant.now()),
          u.isLockedAt(Instant.now()) ? u.lockedUntil() : null,
          u.lastLogin(),
          u.mustChangePassword(),
          m.role(),
          m.assignedAt());
    }
  }

  /** A user and, when one was generated, the one-time password to hand over (shown once). */
  public record UserWithPassword(UserView user, String temporaryPassword) {}

  public record Page(List<UserView> items, long totalRecords, int page, int pageSize) {
    public long totalPages() {
      return (totalRecords + pageSize - 1) / pageSize;
    }
  }

  /** What a new account needs; a null password means "generate a temporary one". */
  public record NewUser(
      String username, String email, String role, String password, boolean mustChangePassword) {}

  public Page list(long siteId, String search, int page, int pageSize) {
    requireAdministrator(siteId, "manage users");
    String where = " WHERE m.site.id = :site";
    String pattern = null;
    if (search != null && !search.isBlank()) {
      where +=
          " AND (lower(m.user.username) LIKE :q ESCAPE '\\' OR lower(m.user.email) LIKE :q ESCAPE"
              + " '\\')";
      pattern = "%" + likeEscaped(search.trim().toLowerCase(Locale.ROOT)) + "%";
    }
    var count = em.createQuery("SELECT count(m) FROM Membership m" + where, Long.class);
    var items =
        em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.user u"
                + where.replace("m.user.", "u.")
                + " ORDER BY lower(u.username)",
            Membership.class);
    count.setParameter("site", siteId);
    items.setParameter("site", siteId);
    if (pattern != null) {
      count.setParameter("q", pattern);
      items.setParameter("q", pattern);
    }
    List<UserView> views =
        items
            .setFirstResult((page - 1) * pageSize)
            .setMaxResults(pageSize)
            .getResultStream()
            .map(UserView::of)
            .toList();
    return new Page(views, count.getSingleResult(), page, pageSize);
  }

  public UserView get(long siteId, long userId) {
    requireAdministrator(siteId, "manage users");
    return UserView.of(membershipHere(siteId, userId));
  }

  public UserWithPassword create(long siteId, NewUser request) {
    requireAdministrator(siteId, "create users");
    List<FieldError> problems = new ArrayList<>();
    String username = trimmed(request.username());
    String email = trimmed(request.email());
    checkUsername(username, problems);
    checkEmail(email, null, problems);
    Role role = role(request.role(), problems);
    String password = request.password();
    if (password != null) {
      PasswordPolicy.violations(password, username)
          .forEach(p -> problems.add(new FieldError("password", p)));
    }
    if (!problems.isEmpty()) {
      throw invalid("The user was not created.", problems);
    }
    boolean temporary = password == null;
    String chosen = temporary ? TemporaryPassword.generate() : password;
    User user =
        new User(
            username,
            email,
            hasher.hash(chosen.toCharArray()),
            temporary || request.mustChangePassword());
    em.persist(user);
    Membership membership = new Membership(user, em.find(Site.class, siteId), role, true);
    em.persist(membership);
    em.flush();
    audit.change(
        AuditAction.USER_CREATED,
        context.actor(),
        "User",
        user.id(),
        null,
        accountValues(user, role, temporary));
    return new UserWithPassword(UserView.of(membership), temporary ? chosen : null);
  }

  public UserView changeEmail(long siteId, long userId, String newEmail) {
    requireAdministrator(siteId, "change users' email addresses");
    Membership membership = membershipHere(siteId, userId);
    User user = membership.user();
    requireWholeAccount(user, "change the email address of");
    List<FieldError> problems = new ArrayList<>();
    String email = trimmed(newEmail);
    checkEmail(email, user.id(), problems);
    if (!problems.isEmpty()) {
      throw invalid("The email address was not changed.", problems);
    }
    String old = user.email();
    user.changeEmail(email);
    audit.change(
        AuditAction.USER_UPDATED,
        context.actor(),
        "User",
        user.id(),
        Map.of("email", old),
        Map.of("email", email));
    return UserView.of(membership);
  }

  public UserView setActive(long siteId, long userId, boolean active) {
    requireAdministrator(siteId, active ? "reactivate users" : "deactivate users");
    Membership membership = membershipHere(siteId, userId);
    User user = membership.user();
    if (!active && user.id().equals(context.userId())) {
      throw new ApiException(409, "CONFLICT", "You cannot deactivate your own account.");
    }
    requireWholeAccount(user, active ? "reactivate" : "deactivate");
    if (user.active() != active) {
      user.setActive(active);
      if (!active) {
        sessions.revokeAllOf(user.id(), "DEACTIVATED");
      }
      audit.change(
          active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED,
          context.actor(),
          "User",
          user.id(),
          Map.of("active", !active),
          Map.of("active", active));
    }
    return UserView.of(membership);
  }

  /** Unlocking only gives back the attempts the user already had; no other site is affected. */
  public UserView unlock(long siteId, long userId) {
    requireAdministrator(siteId, "unlock users");
    Membership membership = membershipHere(siteId, userId);
    User user = membership.user();
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("lockedUntil", user.lockedUntil() == null ? null : user.lockedUntil().toString());
    old.put("failedLoginCount", user.failedLoginCount());
    user.unlock();
    audit.change(
        AuditAction.USER_UNLOCKED,
        context.actor(),
        "User",
        user.id(),
        old,
        Map.of("failedLoginCount", 0));
    return UserView.of(membership);
  }

  /** A new one-time password; the user's open sessions end. */
  public UserWithPassword resetPassword(long siteId, long userId) {
    requireAdministrator(siteId, "reset passwords");
    Membership membership = membershipHere(siteId, userId);
    User user = membership.user();
    requireWholeAccount(user, "reset the password of");
    String temporary = TemporaryPassword.generate();
    user.setTemporaryPassword(hasher.hash(temporary.toCharArray()), Instant.now());
    int ended = sessions.revokeAllOf(user.id(), "PASSWORD_RESET");
    audit.change(
        AuditAction.PASSWORD_RESET,
        context.actor(),
        "User",
        user.id(),
        null,
        Map.of("mustChangePassword", true, "sessionsEnded", ended));
    return new UserWithPassword(UserView.of(membership), temporary);
  }

  /** Adds an existing account (by username) to this site. */
  public UserView addMember(long siteId, String username, String roleName) {
    requireAdministrator(siteId, "add users to the site");
    List<FieldError> problems = new ArrayList<>();
    Role role = role(roleName, problems);
    String name = trimmed(username);
    if (name == null) {
      problems.add(new FieldError("username", "Say which user to add."));
    }
    if (!problems.isEmpty()) {
      throw invalid("The user was not added.", problems);
    }
    User user =
        em.createQuery("SELECT u FROM User u WHERE lower(u.username) = lower(:name)", User.class)
            .setParameter("name", name)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new ApiException(404, "NOT_FOUND", "There is no user named " + name + "."));
    boolean already =
        !em.createQuery(
                "SELECT m FROM Membership m WHERE m.user.id = :user AND m.site.id = :site",
                Membership.class)
            .setParameter("user", user.id())
            .setParameter("site", siteId)
            .getResultList()
            .isEmpty();
    if (already) {
      throw new ApiException(
          409, "ALREADY_MEMBER", user.username() + " is already a member of this site.");
    }
    Membership membership = new Membership(user, em.find(Site.class, siteId), role, false);
    em.persist(membership);
    em.flush();
    audit.change(
        AuditAction.MEMBERSHIP_ADDED,
        context.actor(),
        "Membership",
        membership.id(),
        null,
        Map.of("user", user.username(), "site", siteId, "role", role.name()));
    return UserView.of(membership);
  }

  public UserView changeRole(long siteId, long userId, String roleName) {
    requireAdministrator(siteId, "change roles");
    List<FieldError> problems = new ArrayList<>();
    Role role = role(roleName, problems);
    if (!problems.isEmpty()) {
      throw invalid("The role was not changed.", problems);
    }
    Membership membership = membershipHere(siteId, userId);
    Role old = membership.role();
    if (old != role) {
      membership.changeRole(role);
      audit.change(
          AuditAction.MEMBERSHIP_ROLE_CHANGED,
          context.actor(),
          "Membership",
          membership.id(),
          Map.of("user", membership.user().username(), "site", siteId, "role", old.name()),
          Map.of("user", membership.user().username(), "site", siteId, "role", role.name()));
    }
    return UserView.of(membership);
  }

  /** Ends the user's membership of this site; their last one is kept (409). */
  public void removeMember(long siteId, long userId) {
    requireAdministrator(siteId, "remove users from the site");
    Membership membership = membershipHere(siteId, userId);
    // Counted under a lock of the account: two administrators removing the user's last two
    // memberships at once would otherwise both see one left.
    em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
    long count =
        em.createQuery("SELECT count(m) FROM Membership m WHERE m.user.id = :user", Long.class)
            .setParameter("user", userId)
            .getSingleResult();
    if (count <= 1) {
      throw new ApiException(
          409,
          "LAST_MEMBERSHIP",
          membership.user().username()
              + " belongs to no other site; every user keeps at least one. Deactivate the account"
              + " instead.");
    }
    audit.change(
        AuditAction.MEMBERSHIP_REMOVED,
        context.actor(),
        "Membership",
        membership.id(),
        Map.of(
            "user", membership.user().username(), "site", siteId, "role", membership.role().name()),
        null);
    em.remove(membership);
  }

  /** Refuses (404) an address naming another site than the active one, then (403) non-admins. */
  private void requireAdministrator(long siteId, String what) {
    if (siteId != context.siteId()) {
      audit.securityEvent(
          AuditAction.NOT_FOUND_BY_ID, context.actor(), Map.of("entity", "Site", "id", siteId));
      throw new ApiException(404, "NOT_FOUND", "Site " + siteId + " is not your active site.");
    }
    context.require(Role.ADMINISTRATOR, what);
  }

  private Membership membershipHere(long siteId, long userId) {
    return em.createQuery(
            "SELECT m FROM Membership m JOIN FETCH m.user"
                + " WHERE m.user.id = :user AND m.site.id = :site",
            Membership.class)
        .setParameter("user", userId)
        .setParameter("site", siteId)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> {
              audit.securityEvent(
                  AuditAction.NOT_FOUND_BY_ID,
                  context.actor(),
                  Map.of("entity", "User", "id", userId));
              return new ApiException(
                  404, "NOT_FOUND", "There is no user " + userId + " at this site.");
            });
  }

  private void requireWholeAccount(User user, String what) {
    if (context.globalAdmin()) {
      return;
    }
    List<Long> theirs =
        em.createQuery("SELECT m.site.id FROM Membership m WHERE m.user.id = :user", Long.class)
            .setParameter("user", user.id())
            .getResultList();
    if (!new HashSet<>(memberships.administeredSiteIds(context.userId())).containsAll(theirs)) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          context.actor(),
          Map.of("attempted", what + " user", "user", user.id(), "reason", "other sites"));
      throw new ApiException(
          403,
          "USER_OF_OTHER_SITES",
          "You cannot "
              + what
              + " "
              + user.username()
              + ": the account also works at sites you do not administer. Ask a global"
              + " administrator.");
    }
  }

  private void checkUsername(String username, List<FieldError> problems) {
    if (username == null) {
      problems.add(new FieldError("username", "Choose a username."));
    } else if (!USERNAME.matcher(username).matches()) {
      problems.add(
          new FieldError(
              "username", "Use 3 to 50 letters, digits, dots, dashes or underscores (no spaces)."));
    } else if (exists("lower(u.username) = lower(:value)", username, null)) {
      problems.add(new FieldError("username", "This username is taken."));
    }
  }

  private void checkEmail(String email, Long exceptUserId, List<FieldError> problems) {
    if (email == null) {
      problems.add(new FieldError("email", "Enter an email address."));
    } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
      problems.add(
          new FieldError(
              "email", "Enter a valid email address of at most " + EMAIL_MAX + " characters."));
    } else if (exists("lower(u.email) = lower(:value)", email, exceptUserId)) {
      problems.add(new FieldError("email", "Another account uses this email address."));
    }
  }

  private boolean exists(String condition, String value, Long exceptUserId) {
    return em.createQuery(
                "SELECT count(u) FROM User u WHERE " + condition + " AND u.id <> :except",
                Long.class)
            .setParameter("value", value)
            .setParameter("except", exceptUserId == null ? -1L : exceptUserId)
            .getSingleResult()
        > 0;
  }

  private static Role role(String value, List<FieldError> problems) {
    if (value != null) {
      try {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    problems.add(new FieldError("role", "Choose ADMINISTRATOR, EDITOR or VIEWER."));
    return null;
  }

  private Map<String, Object> accountValues(User user, Role role, boolean temporary) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("username", user.username());
    values.put("email", user.email());
    values.put("site", context.siteId());
    values.put("role", role.name());
    values.put("mustChangePassword", user.mustChangePassword());
    values.put("temporaryPassword", temporary);
    return values;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static ApiException invalid(String message, List<FieldError> problems) {
    return new ApiException(400, "VALIDATION_ERROR", message, problems);
  }
}
