package org.ims.retention;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * A retention period as configured: ISO-8601, in calendar units (P2Y, P1Y, P30D) or in time units
 * (PT36H). Handed to PostgreSQL as an interval in the same notation, so that the database counts
 * the period back from its own clock: the cut-off never depends on a server's clock.
 */
record RetentionPeriod(String property, String iso) {

  /** Reads a configured value; refuses what is not an ISO-8601 period, or a negative one. */
  static RetentionPeriod parse(String property, String value) {
    String text = value.trim().toUpperCase(java.util.Locale.ROOT);
    try {
      boolean negative =
          text.contains("T") ? Duration.parse(text).isNegative() : Period.parse(text).isNegative();
      if (negative) {
        throw new IllegalArgumentException(property + " must not be negative: " + value);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          property + " is not an ISO-8601 period (e.g. P2Y, P30D, PT12H): " + value, e);
    }
    return new RetentionPeriod(property, text);
  }

  @Override
  public String toString() {
    return iso;
  }
}
