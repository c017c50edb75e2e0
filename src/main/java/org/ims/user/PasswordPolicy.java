package org.ims.user;

import java.util.ArrayList;
import java.util.List;

/**
 * The password rules: at least 8 characters, with an upper-case letter, a lower-case letter, a
 * digit and a symbol; not the username. Reuse of recent passwords is checked against the user's
 * history where the user changes their own password.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** Every rule the password breaks, as sentences for the user; empty when it is acceptable. */
  public static List<String> violations(String password, String username) {
    List<String> problems = new ArrayList<>();
    if (password == null || password.length() < MIN_LENGTH) {
      problems.add("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password == null) {
      return problems;
    }
    if (password.length() > MAX_LENGTH) {
      problems.add("Use at most " + MAX_LENGTH + " characters.");
    }
    if (password.chars().noneMatch(Character::isUpperCase)) {
      problems.add("Include an upper-case letter.");
    }
    if (password.chars().noneMatch(Character::isLowerCase)) {
      problems.add("Include a lower-case letter.");
    }
    if (password.chars().noneMatch(Character::isDigit)) {
      problems.add("Include a digit.");
    }
    if (password.chars().allMatch(Character::isLetterOrDigit)) {
      problems.add("Include a symbol, such as # ! or %.");
    }
    if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
      problems.add("Do not include your username.");
    }
    return problems;
  }
}
