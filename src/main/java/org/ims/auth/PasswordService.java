package org.ims.auth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.site.SiteContext;
import org.ims.user.PasswordHasher;
import org.ims.user.PasswordPolicy;
import org.ims.user.User;
import org.ims.user.UserDirectory;

/** A user changing their own password, under the policy and the no-reuse rule. */
@Stateless
public class PasswordService {

  @PersistenceContext EntityManager em;
  @Inject UserDirectory users;
  @Inject PasswordHasher hasher;
  @Inject AuthSettings settings;
  @Inject SiteContext context;
  @Inject AuditLog audit;
  @Inject InputValidator validator;

  /** The current password, proving who asks, and the new one. */
  public record PasswordChange(
      @NotBlank(message = "Enter your current password.") String currentPassword,
      @NotBlank(message = "Enter a new password.") String newPassword) {}

  public void changeOwnPassword(PasswordChange change) {
    validator.require(change, "The password was not changed.");
    String currentPassword = change.currentPassword();
    String newPassword = change.newPassword();
    User user = users.findForUpdate(context.userId());
    if (!hasher.matches(currentPassword.toCharArray(), user.passwordHash())) {
      throw invalid("currentPassword", List.of("The current password is not correct."));
    }
    List<String> problems = PasswordPolicy.violations(newPassword, user.username());
    if (!problems.isEmpty()) {
      throw invalid("newPassword", problems);
    }
    if (recentlyUsed(user, newPassword)) {
      throw invalid(
          "newPassword",
          List.of(
              "Choose a password you have not used for your last "
                  + settings.passwordHistory()
                  + " passwords."));
    }
    Instant now = Instant.now();
    em.persist(new PasswordHistoryEntry(user.id(), user.passwordHash(), now));
    user.changePassword(hasher.hash(newPassword.toCharArray()), now);
    audit.change(AuditAction.PASSWORD_CHANGED, context.actor(), "User", user.id(), null, null);
  }

  /** The current password and the ones before it, up to the configured history length. */
  private boolean recentlyUsed(User user, String candidate) {
    if (hasher.matches(candidate.toCharArray(), user.passwordHash())) {
      return true;
    }
    return em.createQuery(
            "SELECT h FROM PasswordHistoryEntry h WHERE h.userId = :user ORDER BY h.changedAt DESC",
            PasswordHistoryEntry.class)
        .setParameter("user", user.id())
        .setMaxResults(Math.max(0, settings.passwordHistory() - 1))
        .getResultStream()
        .anyMatch(h -> hasher.matches(candidate.toCharArray(), h.passwordHash()));
  }

  private static ApiException invalid(String field, List<String> messages) {
    return ApiException.invalid(
        "The password was not changed.",
        messages.stream().map(m -> new FieldError(field, m)).toList());
  }
}
