package org.ims.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a user typed into the search box into safe query input. Every word must match (AND),
 * each as a prefix. Runs of letters and digits become prefix terms of a full-text query built here,
 * so no character the user types can reach tsquery syntax; a word with no letter or digit at all
 * (say "%" or "#") is matched literally as a substring instead.
 */
record SearchText(String tsQuery, List<String> literals) {

  static SearchText of(String search) {
    List<String> terms = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    if (search != null) {
      for (String word : search.trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        List<String> runs = letterOrDigitRuns(word);
        if (runs.isEmpty()) {
          literals.add(word);
        }
        runs.forEach(run -> terms.add("'" + run + "':*"));
      }
    }
    return new SearchText(
        terms.isEmpty() ? null : String.join(" & ", terms), List.copyOf(literals));
  }

  private static List<String> letterOrDigitRuns(String word) {
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    word.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) {
                run.appendCodePoint(Character.toLowerCase(c));
              } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
              }
            });
    if (run.length() > 0) {
      runs.add(run.toString());
    }
    return runs;
  }

  /** A LIKE pattern that matches the value anywhere, with LIKE's own characters escaped. */
  static String containsPattern(String value) {
    String escaped =
        value
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
