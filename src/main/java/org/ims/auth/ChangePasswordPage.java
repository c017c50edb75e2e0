package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.site.SiteContext;
import org.ims.user.PasswordPolicy;

/** Changing one's own password; forced when it has expired or is temporary. */
@Named
@RequestScoped
public class ChangePasswordPage {

  @Inject PasswordService passwords;
  @Inject SiteContext context;

  private String currentPassword;
  private String newPassword;
  private String confirmation;

  public boolean isForced() {
    return context.passwordChangeRequired();
  }

  public List<String> getRules() {
    return List.of(
        "At least " + PasswordPolicy.MIN_LENGTH + " characters",
        "An upper-case and a lower-case letter",
        "A digit and a symbol",
        "Not one of your last 5 passwords");
  }

  public void change() {
    // The one rule of this page alone: the API takes the new password once.
    if (newPassword != null && !newPassword.equals(confirmation)) {
      Pages.error("password:confirmation", "The two new passwords are not the same.");
      return;
    }
    PasswordService.PasswordChange change =
        new PasswordService.PasswordChange(currentPassword, newPassword);
    if (Pages.attempt("password", () -> passwords.changeOwnPassword(change))) {
      Pages.flashInfo("Your password has been changed.");
      Pages.redirect(Pages.HOME);
    }
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
