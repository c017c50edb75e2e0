package org.ims.interaction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * What the Finder asks for (spec §4.2.3): global search, per-field filters, sort and page. Parsed
 * from query parameters for REST and built directly by the pages; unknown filter names are ignored,
 * invalid values are a 400 naming the parameter, an unknown sort field falls back to the default
 * with a warning.
 */
public record SearchCriteria(
    String search,
    String title,
    String lead,
    String location,
    List<String> types,
    String timezone,
    Instant from,
    Instant to,
    String createdBy,
    List<SortKey> sort,
    int page,
    int pageSize,
    List<String> warnings) {

  public static final int DEFAULT_PAGE_SIZE = 25;
  public static final int MAX_PAGE_SIZE = 100;

  /** Sortable fields by API name; every sort ends with the id for a stable order. */
  static final Set<String> SORTABLE =
      Set.of(
          "title",
          "type",
          "lead",
          "startDateTime",
          "endDateTime",
          "timezone",
          "location",
          "createdBy",
          "createdAt",
          "updatedAt");

  static final List<SortKey> DEFAULT_SORT = List.of(new SortKey("startDateTime", true));

  /** One sort field and its direction. */
  public record SortKey(String field, boolean descending) {}

  /** Parses request parameters (one list of values per name). */
  public static SearchCriteria parse(Map<String, List<String>> parameters) {
    Params p = new Params(parameters);
    List<String> warnings = new ArrayList<>();
    ZoneId zone = p.zone("tz");
    int pageSize = p.integer("pageSize", DEFAULT_PAGE_SIZE);
    if (pageSize > MAX_PAGE_SIZE) {
      warnings.add("pageSize " + pageSize + " is over the maximum; " + MAX_PAGE_SIZE + " used.");
      pageSize = MAX_PAGE_SIZE;
    }
    SearchCriteria criteria =
        new SearchCriteria(
            p.text("search"),
            p.text("title"),
            p.text("lead"),
            p.text("location"),
            p.list("type"),
            p.timezone("timezone"),
            p.instant("from", zone, false),
            p.instant("to", zone, true),
            p.text("createdBy"),
            sort(p.text("sort"), warnings),
            p.integer("page", 1),
            pageSize,
            warnings);
    p.failIfInvalid();
    if (criteria.from() != null
        && criteria.to() != null
        && !criteria.to().isAfter(criteria.from())) {
      throw invalid(
          List.of(new FieldError("to", "The end of the date range must be after its start.")));
    }
    return criteria;
  }

  /** Everything, default order, first page. */
  public static SearchCriteria all() {
    return parse(Map.of());
  }

  public boolean filtered() {
    return search != null
        || title != null
        || lead != null
        || location != null
        || !types.isEmpty()
        || timezone != null
        || from != null
        || to != null
        || createdBy != null;
  }

  /** The same criteria on another page (export and "next page" reuse a search). */
  public SearchCriteria withPage(int newPage, int newPageSize) {
    return new SearchCriteria(
        search,
        title,
        lead,
        location,
        types,
        timezone,
        from,
        to,
        createdBy,
        sort,
        newPage,
        newPageSize,
        warnings);
  }

  static List<SortKey> sort(String value, List<String> warnings) {
    if (value == null) {
      return DEFAULT_SORT;
    }
    List<SortKey> keys = new ArrayList<>();
    for (String part : value.split(",")) {
      String name = part.trim();
      boolean descending = name.startsWith("-");
      name = descending ? name.substring(1) : name.replaceFirst("^\\+", "");
      if (name.isEmpty()) {
        continue;
      }
      if (!SORTABLE.contains(name)) {
        warnings.add("Unknown sort field '" + name + "': sorted by the default (-startDateTime).");
        return DEFAULT_SORT;
      }
      String field = name;
      if (keys.stream().noneMatch(k -> k.field().equals(field))) {
        keys.add(new SortKey(field, descending));
      }
    }
    return keys.isEmpty() ? DEFAULT_SORT : List.copyOf(keys);
  }

  private static ApiException invalid(List<FieldError> problems) {
    return new ApiException(
        400, "VALIDATION_ERROR", "Some search parameters are not valid.", problems);
  }

  /** Reads parameters, collecting every problem before failing once. */
  private static final class Params {
    private final Map<String, List<String>> values;
    private final List<FieldError> problems = new ArrayList<>();

    Params(Map<String, List<String>> values) {
      this.values = new LinkedHashMap<>(values);
    }

    String text(String name) {
      List<String> all = values.get(name);
      if (all == null || all.isEmpty()) {
        return null;
      }
      String value = all.get(0).trim();
      if (value.length() > 200) {
        problems.add(new FieldError(name, "Use at most 200 characters."));
        return null;
      }
      return value.isEmpty() ? null : value;
    }

    List<String> list(String name) {
      return values.getOrDefault(name, List.of()).stream()
          .flatMap(v -> Arrays.stream(v.split(",")))
          .map(String::trim)
          .filter(v -> !v.isEmpty())
          .distinct()
          .toList();
    }

    int integer(String name, int fallback) {
      String value = text(name);
      if (value == null) {
        return fallback;
      }
      try {
        int number = Integer.parseInt(value);
        if (number >= 1) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(new FieldError(name, "Use a whole number of at least 1."));
      return fallback;
    }

    String timezone(String name) {
      String value = text(name);
      if (value != null && !ValidSchedule.Validator.isZone(value)) {
        problems.add(
            new FieldError(name, "Not a known time zone: use an IANA id such as Europe/London."));
        return null;
      }
      return value;
    }

    ZoneId zone(String name) {
      String value = timezone(name);
      return value == null ? ZoneId.of("UTC") : ZoneId.of(value);
    }

    /**
     * A date (YYYY-MM-DD, the whole day in the user's zone: "to" includes that day) or a date and
     * time with offset.
     */
    Instant instant(String name, ZoneId zone, boolean endOfRange) {
      String value = text(name);
      if (value == null) {
        return null;
      }
      try {
        if (value.length() == 10) {
          LocalDate day = LocalDate.parse(value);
          return (endOfRange ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeException e) {
        problems.add(
            new FieldError(name, "Use a date (2026-03-29) or a date and time with offset."));
        return null;
      }
    }

    void failIfInvalid() {
      if (!problems.isEmpty()) {
        throw invalid(problems);
      }
    }
  }
}
