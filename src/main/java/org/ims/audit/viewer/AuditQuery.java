package org.ims.audit;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;

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

  public static final int DEFAULT_PAGE_SIZE = 25;
  public static final int MAX_PAGE_SIZE = 100;

  public static AuditQuery parse(MultivaluedMap<String, String> parameters) {
    List<FieldError> problems = new ArrayList<>();
    Set<String> actions = new LinkedHashSet<>();
    for (String value : parameters.getOrDefault("action", List.of())) {
      for (String part : value.split(",")) {
        String name = part.trim().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        try {
          actions.add(AuditAction.valueOf(name).name());
        } catch (IllegalArgumentException e) {
          problems.add(new FieldError("action", "Unknown action: " + part.trim()));
        }
      }
    }
    Long site = number(parameters, "site", 1, Long.MAX_VALUE, null, problems);
    Instant from = instant(parameters.getFirst("from"), "from", false, problems);
    Instant to = instant(parameters.getFirst("to"), "to", true, problems);
    if (from != null && to != null && !to.isAfter(from)) {
      problems.add(new FieldError("to", "Must be after from."));
    }
    Long page = number(parameters, "page", 1, 1_000_000, 1L, problems);
    Long size =
        number(parameters, "pageSize", 1, MAX_PAGE_SIZE, (long) DEFAULT_PAGE_SIZE, problems);
    if (!problems.isEmpty()) {
      throw new ApiException(400, "VALIDATION_ERROR", "Some filters are not valid.", problems);
    }
    return new AuditQuery(
        text(parameters.getFirst("user")),
        Set.copyOf(actions),
        text(parameters.getFirst("entityType")),
        text(parameters.getFirst("entityId")),
        site,
        from,
        to,
        page.intValue(),
        size.intValue());
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Long number(
      MultivaluedMap<String, String> parameters,
      String name,
      long min,
      long max,
      Long fallback,
      List<FieldError> problems) {
    String value = text(parameters.getFirst(name));
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
    problems.add(new FieldError(name, "Use a whole number from " + min + " to " + max + "."));
    return fallback;
  }

  /** A date means the whole day in UTC: as {@code to}, the day is included. */
  private static Instant instant(
      String value, String name, boolean endOfDay, List<FieldError> problems) {
    String text = text(value);
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
      problems.add(
          new FieldError(
              name, "Use a date (2026-03-29) or a date-time with offset (2026-03-29T09:30:00Z)."));
      return null;
    }
  }
}
