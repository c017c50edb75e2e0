package org.ims.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.platform.ResultPage;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.user.AccountRules.EmailChange;
import org.ims.user.AccountRules.NewMember;
import org.ims.user.AccountRules.NewUser;
import org.ims.user.AccountRules.RoleChoice;
import org.ims.user.UserDirectory.Member;

/**
 * An ADMINISTRATOR managing the users of the active site. A user must be a member of it: any other
 * id answers 404, as ids of another site always do. Only the membership of this site is ever shown
 * or changed. Changes to the account itself (email, password, deactivation) reach every site the
 * user belongs to, so they are allowed only to whoever administers all of those sites (or is a
 * global administrator): otherwise an administrator of one site could take over an account that
 * works at a site they do not administer. Every change is audited with its old and new values; role
 * and membership changes apply at the user's next request, which re-reads the membership.
 */
@Stateless
public class UserAdministration {

  @Inject SiteContext context;
  @Inject UserDirectory users;
  @Inject MembershipService memberships;
  @Inject PasswordHasher hasher;
  @Inject AccountSessions sessions;
  @Inject InputValidator validator;
  @Inject AuditLog audit;

  public ResultPage<UserView> list(String search, int page, int pageSize) {
    context.require(Role.ADMINISTRATOR, "manage users");
    return users.members(context.siteId(), search, page, pageSize).map(UserView::of);
  }

  public UserView get(long userId) {
    context.require(Role.ADMINISTRATOR, "manage users");
    return UserView.of(memberHere(userId));
  }

  /** A new account, member of the active site; without a password, a one-time one is made. */
  public UserView.WithPassword create(NewUser request) {
    context.require(Role.ADMINISTRATOR, "create users");
    List<FieldError> problems = new ArrayList<>();
    if (request.username() != null && users.usernameTaken(request.username(), null)) {
      problems.add(new FieldError("username", "This username is taken."));
    }
    if (request.email() != null && users.emailTaken(request.email(), null)) {
      problems.add(new FieldError("email", "Another account uses this email address."));
    }
    if (request.password() != null) {
      PasswordPolicy.violations(request.password(), request.username())
          .forEach(p -> problems.add(new FieldError("password", p)));
    }
    validator.require(request, "The user was not created.", problems);
    boolean temporary = request.password() == null;
    String chosen = temporary ? TemporaryPassword.generate() : request.password();
    User user =
        users.add(
            new User(
                request.username(),
                request.email(),
                hasher.hash(chosen.toCharArray()),
                temporary || request.mustChangePassword()));
    Role role = AccountRules.role(request.role());
    Membership membership = memberships.add(user.id(), context.siteId(), role, true);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("username", user.username());
    values.put("email", user.email());
    values.put("site", context.siteId());
    values.put("role", role.name());
    values.put("mustChangePassword", user.mustChangePassword());
    values.put("temporaryPassword", temporary);
    audit.change(AuditAction.USER_CREATED, context.actor(), "User", user.id(), null, values);
    return new UserView.WithPassword(
        UserView.of(new Member(user, membership)), temporary ? chosen : null);
  }

  public UserView changeEmail(long userId, EmailChange change) {
    context.require(Role.ADMINISTRATOR, "change users' email addresses");
    Member member = memberHere(userId);
    User user = member.user();
    requireWholeAccount(user, "change the email address of");
    validator.require(
        change,
        "The email address was not changed.",
        change.email() != null && users.emailTaken(change.email(), user.id())
            ? List.of(new FieldError("email", "Another account uses this email address."))
            : List.of());
    String old = user.email();
    user.changeEmail(change.email());
    audit.change(
        AuditAction.USER_UPDATED,
        context.actor(),
        "User",
        user.id(),
        Map.of("email", old),
        Map.of("email", change.email()));
    return UserView.of(member);
  }

  public UserView setActive(long userId, boolean active) {
    context.require(Role.ADMINISTRATOR, active ? "reactivate users" : "deactivate users");
    Member member = memberHere(userId);
    User user = member.user();
    if (!active && user.id().equals(context.userId())) {
      throw new ApiException(ErrorCode.CONFLICT, "You cannot deactivate your own account.");
    }
    requireWholeAccount(user, active ? "reactivate" : "deactivate");
    if (user.active() != active) {
      user.setActive(active);
      if (!active) {
        sessions.endAll(user.id(), "DEACTIVATED");
      }
      audit.change(
          active ? AuditAction.USER_REACTIVATED : AuditAction.USER_DEACTIVATED,
          context.actor(),
          "User",
          user.id(),
          Map.of("active", !active),
          Map.of("active", active));
    }
    return UserView.of(member);
  }

  /** Unlocking only gives back the attempts the user already had; no other site is affected. */
  public UserView unlock(long userId) {
    context.require(Role.ADMINISTRATOR, "unlock users");
    Member member = memberHere(userId);
    User user = member.user();
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
    return UserView.of(member);
  }

  /** A new one-time password; the user's open sessions end. */
  public UserView.WithPassword resetPassword(long userId) {
    context.require(Role.ADMINISTRATOR, "reset passwords");
    Member member = memberHere(userId);
    User user = member.user();
    requireWholeAccount(user, "reset the password of");
    String temporary = TemporaryPassword.generate();
    user.setTemporaryPassword(hasher.hash(temporary.toCharArray()), Instant.now());
    int ended = sessions.endAll(user.id(), "PASSWORD_RESET");
    audit.change(
        AuditAction.PASSWORD_RESET,
        context.actor(),
        "User",
        user.id(),
        null,
        Map.of("mustChangePassword", true, "sessionsEnded", ended));
    return new UserView.WithPassword(UserView.of(member), temporary);
  }

  /** Adds an existing account (by username) to the active site. */
  public UserView addMember(NewMember request) {
    context.require(Role.ADMINISTRATOR, "add users to the site");
    validator.require(request, "The user was not added.");
    User user =
        users
            .findByUsername(request.username())
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND, "There is no user named " + request.username() + "."));
    if (memberships.membership(user.id(), context.siteId()).isPresent()) {
      throw new ApiException(
          ErrorCode.ALREADY_MEMBER, user.username() + " is already a member of this site.");
    }
    Role role = AccountRules.role(request.role());
    Membership membership = memberships.add(user.id(), context.siteId(), role, false);
    audit.change(
        AuditAction.MEMBERSHIP_ADDED,
        context.actor(),
        "Membership",
        membership.id(),
        null,
        membershipValues(user, role));
    return UserView.of(new Member(user, membership));
  }

  public UserView changeRole(long userId, RoleChoice choice) {
    context.require(Role.ADMINISTRATOR, "change roles");
    validator.require(choice, "The role was not changed.");
    Member member = memberHere(userId);
    Membership membership = member.membership();
    Role old = membership.role();
    Role role = choice.value();
    if (old != role) {
      membership.changeRole(role);
      audit.change(
          AuditAction.MEMBERSHIP_ROLE_CHANGED,
          context.actor(),
          "Membership",
          membership.id(),
          membershipValues(member.user(), old),
          membershipValues(member.user(), role));
    }
    return UserView.of(member);
  }

  /** Ends the user's membership of the active site; their last one is kept (409). */
  public void removeMember(long userId) {
    context.require(Role.ADMINISTRATOR, "remove users from the site");
    Member member = memberHere(userId);
    // Counted under a lock of the account: two administrators removing the user's last two
    // memberships at once would otherwise both see one left.
    users.findForUpdate(userId);
    if (memberships.siteIdsOf(userId).size() <= 1) {
      throw new ApiException(
          ErrorCode.LAST_MEMBERSHIP,
          member.user().username()
              + " belongs to no other site; every user keeps at least one. Deactivate the account"
              + " instead.");
    }
    Membership membership = member.membership();
    audit.change(
        AuditAction.MEMBERSHIP_REMOVED,
        context.actor(),
        "Membership",
        membership.id(),
        membershipValues(member.user(), membership.role()),
        null);
    memberships.remove(membership);
  }

  /** A membership of the active site as the audit trail records it. */
  private Map<String, Object> membershipValues(User user, Role role) {
    return Map.of("user", user.username(), "site", context.siteId(), "role", role.name());
  }

  private Member memberHere(long userId) {
    return users
        .member(context.siteId(), userId)
        .orElseThrow(
            () ->
                context.notFound("User", userId, "There is no user " + userId + " at this site."));
  }

  private void requireWholeAccount(User user, String what) {
    if (context.globalAdmin()) {
      return;
    }
    List<Long> theirs = memberships.siteIdsOf(user.id());
    if (!new HashSet<>(memberships.administeredSiteIds(context.userId())).containsAll(theirs)) {
      audit.securityEvent(
          AuditAction.ACCESS_DENIED,
          context.actor(),
          Map.of("attempted", what + " user", "user", user.id(), "reason", "other sites"));
      throw new ApiException(
          ErrorCode.USER_OF_OTHER_SITES,
          "You cannot "
              + what
              + " "
              + user.username()
              + ": the account also works at sites you do not administer. Ask a global"
              + " administrator.");
    }
  }
}
