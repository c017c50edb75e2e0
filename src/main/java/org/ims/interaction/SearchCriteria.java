package org.ims.interaction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ims.platform.ApiException;
import org.ims.platform.QueryParameters;

/**
 * What the Finder asks for: global search, per-field filters, sort and page. Parsed from the query
 * parameters of {@code GET /api/interactions} and from the Finder page's address alike ({@link
 * QueryParameters}: unknown names are ignored, every invalid value is a 400 naming its parameter);
 * an unknown sort field falls back to the default, with a warning.
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
    QueryParameters p = new QueryParameters(parameters);
    List<String> warnings = new ArrayList<>();
    ZoneId zone = zone(p, "tz");
    SearchCriteria criteria =
        new SearchCriteria(
            p.text("search"),
            p.text("title"),
            p.text("lead"),
            p.text("location"),
            p.list("type"),
            timezone(p, "timezone"),
            instant(p, "from", zone, false),
            instant(p, "to", zone, true),
            p.text("createdBy"),
            sort(p.text("sort"), direction(p), warnings),
            p.page(),
            p.pageSize(),
            warnings);
    p.failIfInvalid("Some search parameters are not valid.");
    if (criteria.from() != null
        && criteria.to() != null
        && !criteria.to().isAfter(criteria.from())) {
      throw ApiException.invalid(
          "Some search parameters are not valid.",
          "to",
          "The end of the date range must be after its start.");
    }
    return criteria;
  }

  /** Everything, default order, first page. */
  public static SearchCriteria all() {
    return parse(Map.of());
  }

  /** Whether anything narrows the site's interactions (sort and page do not). */
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

  /**
   * What decides which interactions are found, without how they are shown: the filters alone (types
   * as a set, case aside), no page, page size, sort or warnings. Two searches with equal filters
   * find the same interactions.
   */
  public SearchCriteria filtersOnly() {
    return new SearchCriteria(
        search,
        title,
        lead,
        location,
        types.stream().map(String::toLowerCase).sorted().toList(),
        timezone,
        from,
        to,
        createdBy,
        List.of(),
        1,
        0,
        List.of());
  }

  /**
   * The sort with {@code direction} applied: asc or desc turns a sort by one field given without a
   * sign (or the default sort) that way; with a '-' field, or several fields, the signs win and a
   * warning says so.
   */
  static List<SortKey> sort(String value, Boolean descending, List<String> warnings) {
    List<SortKey> keys = sort(value, warnings);
    if (descending == null) {
      return keys;
    }
    boolean signed = value != null && value.trim().startsWith("-");
    if (keys.size() > 1 || (signed && keys.get(0).descending() != descending)) {
      warnings.add(
          "direction applies to a sort by one field without '-': the order of sort was used.");
      return keys;
    }
    return List.of(new SortKey(keys.get(0).field(), descending));
  }

  /** true for desc, false for asc, null when not given. */
  private static Boolean direction(QueryParameters p) {
    String value = p.text("direction");
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("asc") || value.equalsIgnoreCase("desc")) {
      return value.equalsIgnoreCase("desc");
    }
    p.problem("direction", "Use asc or desc.");
    return null;
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

  private static String timezone(QueryParameters p, String name) {
    String value = p.text(name);
    if (value != null && !ValidSchedule.Validator.isZone(value)) {
      p.problem(name, "Not a known time zone: use an IANA id such as Europe/London.");
      return null;
    }
    return value;
  }

  private static ZoneId zone(QueryParameters p, String name) {
    String value = timezone(p, name);
    return value == null ? ZoneId.of("UTC") : ZoneId.of(value);
  }

  /**
   * A date (YYYY-MM-DD, the whole day in the user's zone: "to" includes that day) or a date and
   * time with offset.
   */
  private static Instant instant(QueryParameters p, String name, ZoneId zone, boolean endOfRange) {
    String value = p.text(name);
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
      p.problem(name, "Use a date (2026-03-29) or a date and time with offset.");
      return null;
    }
  }
}
