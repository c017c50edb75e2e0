package org.ims.audit.viewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ims.audit.AuditAction;
import org.ims.platform.QueryParameters;

/**
 * Filters of the audit viewer, read from query parameters: {@code user} (username), {@code action}
 * (one or more), {@code entityType}, {@code entityId}, {@code site}, {@code from}/{@code to} (a
 * date, whole days in UTC, or a date-time with offset), {@code page}, {@code pageSize}. Invalid
 * values are refused naming the parameter; unknown parameters are ignored.
 */
public record AuditQuery(
    String username,
    Set<String> actions,
    String entityType,
    String entityId,
    Long siteId,
    Instant from,
    Instant toExclusive,
    int page,
    int pageSize) {

  /** Parses request parameters (one list of values per name). */
  public static AuditQuery parse(Map<String, List<String>> parameters) {
    QueryParameters p = new QueryParameters(parameters);
    Set<String> actions = new LinkedHashSet<>();
    for (String part : p.list("action")) {
      try {
        actions.add(AuditAction.valueOf(part.toUpperCase(Locale.ROOT)).name());
      } catch (IllegalArgumentException e) {
        p.problem("action", "Unknown action: " + part);
      }
    }
    String site = p.text("site");
    Long siteId = site == null ? null : p.number("site", 1, Long.MAX_VALUE, 0);
    Instant from = instant(p, "from", false);
    Instant to = instant(p, "to", true);
    if (from != null && to != null && !to.isAfter(from)) {
      p.problem("to", "Must be after from.");
    }
    AuditQuery query =
        new AuditQuery(
            p.text("user"),
            Set.copyOf(actions),
            p.text("entityType"),
            p.text("entityId"),
            siteId,
            from,
            to,
            p.page(),
            p.pageSize());
    p.failIfInvalid("Some filters are not valid.");
    return query;
  }

  /** A date means the whole day in UTC: as {@code to}, the day is included. */
  private static Instant instant(QueryParameters p, String name, boolean endOfDay) {
    String text = p.text(name);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      p.problem(name, "Use a date (2026-03-29) or a date-time with offset (2026-03-29T09:30:00Z).");
      return null;
    }
  }
}
