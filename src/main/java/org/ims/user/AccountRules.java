package org.ims.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.ims.platform.Text;
import org.ims.platform.TextRules;
import org.ims.site.Role;

/**
 * What an account's fields may hold, as the inputs of user administration state it (Bean
 * Validation, checked by {@link org.ims.platform.InputValidator}). Uniqueness and the password
 * policy need more than the input and are checked by {@link UserAdministration}.
 */
public final class AccountRules {

  /** 3 to 50 letters, digits, dots, dashes or underscores: safe in URLs, logs and mail. */
  public static final String USERNAME = "[A-Za-z0-9._-]{3,50}";

  static final String USERNAME_RULE =
      "Use 3 to 50 letters, digits, dots, dashes or underscores (no spaces).";

  /**
   * One @, something before it, a dot after it, no spaces or control characters: what mail systems
   * agree on, no more.
   */
  public static final String EMAIL = "[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+";

  public static final int EMAIL_MAX = 100;

  static final String EMAIL_RULE =
      "Enter a valid email address of at most " + EMAIL_MAX + " characters.";

  /** A role name, in any case. */
  public static final String ROLE = "(?i)ADMINISTRATOR|EDITOR|VIEWER";

  static final String ROLE_RULE = "Choose ADMINISTRATOR, EDITOR or VIEWER.";

  private AccountRules() {}

  /** A new account and its role at the active site; no password means a generated one-time one. */
  public record NewUser(
      @NotNull(message = "Choose a username.") @Pattern(regexp = USERNAME, message = USERNAME_RULE)
          String username,
      @NotNull(message = "Enter an email address.")
          @Size(max = EMAIL_MAX, message = EMAIL_RULE)
          @Pattern(regexp = EMAIL, message = EMAIL_RULE)
          String email,
      @NotNull(message = ROLE_RULE) @Pattern(regexp = ROLE, message = ROLE_RULE) String role,
      String password,
      boolean mustChangePassword) {

    public NewUser {
      username = trimmed(username);
      email = trimmed(email);
      role = trimmed(role);
      password = password == null || password.isEmpty() ? null : password;
    }
  }

  /** An account's new email address. */
  public record EmailChange(
      @NotNull(message = "Enter an email address.")
          @Size(max = EMAIL_MAX, message = EMAIL_RULE)
          @Pattern(regexp = EMAIL, message = EMAIL_RULE)
          String email) {

    public EmailChange {
      email = trimmed(email);
    }
  }

  /** A role to give at the active site. */
  public record RoleChoice(
      @NotNull(message = ROLE_RULE) @Pattern(regexp = ROLE, message = ROLE_RULE) String role) {

    public RoleChoice {
      role = trimmed(role);
    }

    public Role value() {
      return AccountRules.role(role);
    }
  }

  /** An existing account, by username, to add to the active site with a role. */
  public record NewMember(
      @Text(required = true, max = 100, message = "Say which user to add.") String username,
      @NotNull(message = ROLE_RULE) @Pattern(regexp = ROLE, message = ROLE_RULE) String role) {

    public NewMember {
      username = trimmed(username);
      role = trimmed(role);
    }
  }

  /** The role a valid role name names. */
  static Role role(String name) {
    return Role.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static String trimmed(String value) {
    return TextRules.clean(value);
  }
}
