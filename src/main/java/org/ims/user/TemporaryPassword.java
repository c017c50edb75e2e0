package org.ims.user;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One-time passwords an administrator hands over: random, and meeting the policy so that the first
 * login with one succeeds (the user must then choose their own).
 */
public final class TemporaryPassword {

  private static final SecureRandom RANDOM = new SecureRandom();
  // No look-alikes (0/O, 1/l/I), so that a password read out over the phone arrives intact.
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "#%+=!?@";
  private static final int LENGTH = 16;

  private TemporaryPassword() {}

  public static String generate() {
    List<Character> chars = new ArrayList<>();
    String all = UPPER + LOWER + DIGITS + SYMBOLS;
    for (String required : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      chars.add(required.charAt(RANDOM.nextInt(required.length())));
    }
    while (chars.size() < LENGTH) {
      chars.add(all.charAt(RANDOM.nextInt(all.length())));
    }
    Collections.shuffle(chars, RANDOM);
    StringBuilder password = new StringBuilder();
    chars.forEach(password::append);
    return password.toString();
  }
}
