package org.ims.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * Reads the query parameters of a list endpoint (the Finder, the audit log, a site's users), and
 * the same state where a page holds it. Every problem is collected and reported at once, naming the
 * parameter: 400 VALIDATION_ERROR. Unknown parameters are ignored; a parameter given with an empty
 * value counts as not given.
 *
 * <p>Paging is the same everywhere: {@code page} from 1, {@code pageSize} from 1 to {@value
 * #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). A size beyond the maximum is refused, not
 * reduced: a client computing offsets with its own size would otherwise skip rows unawares.
 */
public final class QueryParameters {

  public static final int DEFAULT_PAGE_SIZE = 25;
  public static final int MAX_PAGE_SIZE = 100;

  /** Far beyond any real page (100 rows × 1,000,000 pages), and keeps offsets in a long. */
  public static final int MAX_PAGE = 1_000_000;

  /** Longest text value: search words and filters, not documents. */
  public static final int MAX_TEXT = 200;

  private final Map<String, List<String>> values;
  private final List<FieldError> problems = new ArrayList<>();

  public QueryParameters(Map<String, List<String>> values) {
    this.values = new LinkedHashMap<>(values);
  }

  /** The first value, trimmed; null when absent or blank. */
  public String text(String name) {
    List<String> all = values.get(name);
    if (all == null || all.isEmpty() || all.get(0) == null) {
      return null;
    }
    String value = all.get(0).trim();
    if (value.length() > MAX_TEXT) {
      problem(name, "Use at most " + MAX_TEXT + " characters.");
      return null;
    }
    return value.isEmpty() ? null : value;
  }

  /** Every value, each also split at commas ({@code type=a&type=b} or {@code type=a,b}). */
  public List<String> list(String name) {
    return values.getOrDefault(name, List.of()).stream()
        .filter(v -> v != null)
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .distinct()
        .toList();
  }

  /** A whole number within [min, max], or the fallback when absent. */
  public long number(String name, long min, long max, long fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(name, "Use a whole number from " + min + " to " + max + ".");
    return fallback;
  }

  /** {@code true} or {@code false} (any case), or the fallback when absent. */
  public boolean bool(String name, boolean fallback) {
    String value = text(name);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    problem(name, "Use true or false.");
    return fallback;
  }

  /** The 1-based page asked for. */
  public int page() {
    return (int) number("page", 1, MAX_PAGE, 1);
  }

  /** The rows per page asked for. */
  public int pageSize() {
    return (int) number("pageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  }

  /** Records a problem found by the caller's own reading of a parameter. */
  public void problem(String name, String message) {
    problems.add(new FieldError(name, message));
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Refuses the request, listing every problem found so far, if there is any. */
  public void failIfInvalid(String message) {
    if (!problems.isEmpty()) {
      throw ApiException.invalid(message, problems);
    }
  }
}
