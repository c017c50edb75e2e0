package org.ims.platform;

/**
 * What text the system stores: valid Unicode without NUL (PostgreSQL cannot store it), and in
 * one-line fields no control characters at all. Blank means nothing visible: spaces of any kind
 * (no-break, ideographic, zero-width) do not make a title.
 */
public final class TextRules {

  private TextRules() {}

  /** Whether the text has nothing visible: empty, or only spaces of any kind. */
  public static boolean isBlank(String text) {
    return text == null || text.codePoints().allMatch(TextRules::isSpace);
  }

  /** The text without the spaces around it (of any kind), or null when nothing is left. */
  public static String clean(String text) {
    if (isBlank(text)) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  /**
   * The first problem of a text's characters, or null when it has none: a NUL, a half of a
   * surrogate pair (not a character at all), or a control character; tabs and line breaks are fine
   * where {@code multiline}.
   */
  public static String problem(String text, boolean multiline) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "Remove the NUL character (U+0000): text cannot contain it.";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return "This is not valid Unicode text (a lone surrogate " + hex(c) + ").";
      }
      if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
        return multiline
            ? "Remove the control character " + hex(c) + " (tabs and line breaks are fine)."
            : "Remove the control character " + hex(c) + ": this field is one line of text.";
      }
    }
    return null;
  }

  /** Only what the database refuses outright: NUL, and halves of surrogate pairs. */
  public static String unstorable(String text) {
    if (text == null) {
      return null;
    }
    String problem = problem(text, true);
    return problem != null && !problem.startsWith("Remove the control") ? problem : null;
  }

  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || codePoint == 0x200B // zero-width space
        || codePoint == 0x200C
        || codePoint == 0x200D
        || codePoint == 0x2060 // word joiner
        || codePoint == 0xFEFF; // zero-width no-break space
  }

  private static String hex(char c) {
    return String.format("U+%04X", (int) c);
  }
}
