package org.ims.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of one Finder search at one site: the page and its count, with named parameters. Kept
 * apart from running it so that the benchmark times exactly what the service runs.
 *
 * <p>Native SQL, because JPQL cannot express full-text matching ({@code @@}). Every value is a
 * bound parameter and every sort column comes from a fixed list.
 */
public final class SearchQuery {

  /**
   * Sort fields by API name, as SQL; text sorts ignore case. Only nullable columns say where empty
   * values go (last): on the others that clause would stop PostgreSQL from reading the rows in the
   * order of an index.
   */
  private static final Map<String, String> SORT_COLUMNS =
      Map.of(
          "title", "lower(i.title)",
          "type", "lower(i.type)",
          "lead", "lower(i.lead)",
          "startDateTime", "i.start_datetime",
          "endDateTime", "i.end_datetime",
          "timezone", "i.timezone",
          "location", "lower(i.location)",
          "createdBy", "lower(cu.username)",
          "createdAt", "i.created_at",
          "updatedAt", "i.updated_at");

  private static final Set<String> NULLABLE = Set.of("location", "updatedAt");

  static final String COLUMNS =
      "i.id, i.site_id, i.title, i.type, i.lead, i.start_datetime, i.end_datetime, i.timezone,"
          + " i.location, i.description, i.notes, i.version, cu.username, i.created_at,"
          + " uu.username, i.updated_at";

  /**
   * Sites up to this size count every search's matches exactly (a few milliseconds). Above it, a
   * search matching more than {@link #COUNT_LIMIT} rows reports that many, flagged as not exact:
   * counting a common word among 200,000 rows costs more than 100 ms, and nobody pages through it.
   */
  static final long EXACT_COUNT_MAX_SITE = 20_000;

  static final int COUNT_LIMIT = 1_000;

  /** The "created by" filter and sort need the author's name. */
  private static final String MATCHING_IDS =
      "SELECT i.id FROM interactions i LEFT JOIN users cu ON cu.id = i.created_by";

  private final SearchCriteria criteria;
  private final String where;
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  /**
   * What the database keeps about a site's live interactions (migration V3): how many, and the
   * longest (an upper bound: it never shrinks). Read first, in the search's transaction, by {@link
   * #SITE_STATS_SQL}.
   */
  public record SiteStats(long live, Duration longest) {

    /** From the row of {@link #SITE_STATS_SQL}. */
    public static SiteStats of(Object[] row) {
      return new SiteStats(
          ((Number) row[1]).longValue(), Duration.ofSeconds(((Number) row[2]).longValue()));
    }
  }

  /**
   * The site's statistics, and custom plans for the rest of the transaction: the best plan depends
   * on the values (a rare or a common word, a small or a large site), and a plan cached for "any
   * value" walked a whole site for a rare word.
   */
  public static final String SITE_STATS_SQL =
      "SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
          + " coalesce(s.live, 0), coalesce(ceil(extract(epoch FROM s.longest)), 0)"
          + " FROM (SELECT 1) one"
          + " LEFT JOIN site_interaction_stats s ON s.site_id = :site";

  private final SiteStats site;

  private SearchQuery(SearchCriteria criteria, long siteId, SiteStats site) {
    this.criteria = criteria;
    this.site = site;
    this.where = where(criteria, siteId);
  }

  public static SearchQuery of(SearchCriteria criteria, long siteId, SiteStats site) {
    return new SearchQuery(criteria, siteId, site);
  }

  /**
   * The rows of the criteria's page, in their order, read in one of two ways:
   *
   * <ul>
   *   <li>at a large site with few matches: collect the matches first (the full-text and trigram
   *       indexes find them), then sort. Left to itself, PostgreSQL may trust its guess of a rare
   *       word's frequency (often wrong for a prefix) and walk 200,000 rows in date order;
   *   <li>otherwise: walk an index in the requested order for the ids of the page only (an
   *       index-only scan when nothing is filtered, which keeps deep pages cheap), then read those
   *       rows. Sorting every match of a common word before the LIMIT would read them all; and at a
   *       smaller site, reading its rows is bounded and cheap while the index lookup of a word
   *       common in other sites is not.
   * </ul>
   */
  public String pageSql(Total matches) {
    boolean fewMatches =
        site.live() > EXACT_COUNT_MAX_SITE && matches.exact() && matches.value() <= COUNT_LIMIT;
    String joins =
        " LEFT JOIN users cu ON cu.id = i.created_by LEFT JOIN users uu ON uu.id = i.updated_by";
    String window = " LIMIT " + criteria.pageSize() + " OFFSET " + offset();
    if (fewMatches) {
      return "WITH matches AS MATERIALIZED ("
          + MATCHING_IDS
          + where
          + ") SELECT "
          + COLUMNS
          + " FROM matches m JOIN interactions i ON i.id = m.id"
          + joins
          + orderBy()
          + window;
    }
    return "SELECT "
        + COLUMNS
        + " FROM ("
        + MATCHING_IDS
        + where
        + orderBy()
        + window
        + ") m JOIN interactions i ON i.id = m.id"
        + joins
        + orderBy();
  }

  /** How many rows match: exact, or "more than COUNT_LIMIT" at a large site. */
  public record Total(long value, boolean exact) {}

  /**
   * The count to run; none when nothing is filtered (the site's total is the answer). Large sites
   * count no further than {@link #COUNT_LIMIT}.
   */
  public Optional<String> countSql() {
    if (!criteria.filtered()) {
      return Optional.empty();
    }
    String limit = site.live() <= EXACT_COUNT_MAX_SITE ? "" : " LIMIT " + (COUNT_LIMIT + 1);
    return Optional.of("SELECT count(*) FROM (" + MATCHING_IDS + where + limit + ") m");
  }

  /** The site's total: what matches when nothing is filtered, and the "from N" of a search. */
  public Total siteTotal() {
    return new Total(site.live(), true);
  }

  /** What the count run by {@link #countSql()} means. */
  public Total total(long counted) {
    return site.live() <= EXACT_COUNT_MAX_SITE || counted <= COUNT_LIMIT
        ? new Total(counted, true)
        : new Total(COUNT_LIMIT, false);
  }

  private long offset() {
    return (long) (criteria.page() - 1) * criteria.pageSize();
  }

  public Map<String, Object> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  private String where(SearchCriteria c, long siteId) {
    StringBuilder sql = new StringBuilder(" WHERE i.site_id = :site AND i.deleted_at IS NULL");
    parameters.put("site", siteId);
    SearchText text = SearchText.of(c.search());
    if (text.tsQuery() != null) {
      sql.append(" AND i.search_vector @@ to_tsquery('simple', ims_unaccent(:tsquery))");
      parameters.put("tsquery", text.tsQuery());
    }
    for (int n = 0; n < text.literals().size(); n++) {
      sql.append(" AND lower(concat_ws(' ', i.title, i.type, i.lead, i.location, i.description,")
          .append(" i.notes)) LIKE :literal")
          .append(n)
          .append(" ESCAPE '\\'");
      parameters.put("literal" + n, SearchText.containsPattern(text.literals().get(n)));
    }
    contains(sql, "title", "i.title", c.title());
    contains(sql, "lead", "i.lead", c.lead());
    contains(sql, "location", "i.location", c.location());
    if (!c.types().isEmpty()) {
      sql.append(" AND lower(i.type) IN (:types)");
      parameters.put("types", c.types().stream().map(String::toLowerCase).toList());
    }
    if (c.timezone() != null) {
      sql.append(" AND i.timezone = :timezone");
      parameters.put("timezone", c.timezone());
    }
    // Interactions overlapping the range. Nothing at the site lasts longer than its longest, so
    // whatever ends after "from" starts after "from" minus that: a bound the date index can use.
    if (c.from() != null) {
      sql.append(" AND i.end_datetime > :from AND i.start_datetime > :startsAfter");
      parameters.put("from", timestamp(c.from()));
      parameters.put("startsAfter", timestamp(c.from().minus(site.longest())));
    }
    if (c.to() != null) {
      sql.append(" AND i.start_datetime < :to");
      parameters.put("to", timestamp(c.to()));
    }
    if (c.createdBy() != null) {
      sql.append(" AND lower(cu.username) = lower(:createdBy)");
      parameters.put("createdBy", c.createdBy());
    }
    return sql.toString();
  }

  /**
   * An instant as a bound of a search, within what PostgreSQL's timestamps can hold (4713 BC to
   * 294276 AD): every stored time is inside it, so moving a bound beyond it to its edge changes no
   * result, and neither a client's far date nor a site's longest interaction can make the query
   * fail.
   */
  static OffsetDateTime timestamp(Instant bound) {
    Instant inside = bound.isBefore(EARLIEST) ? EARLIEST : bound.isAfter(LATEST) ? LATEST : bound;
    return OffsetDateTime.ofInstant(inside, ZoneOffset.UTC);
  }

  private static final Instant EARLIEST = Instant.parse("-4712-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("+294276-01-01T00:00:00Z");

  /** Case- and accent-insensitive "contains", served by the trigram indexes of the columns. */
  private void contains(StringBuilder sql, String name, String column, String value) {
    if (value != null) {
      sql.append(" AND lower(ims_unaccent(")
          .append(column)
          .append(")) LIKE ims_unaccent(:")
          .append(name)
          .append(") ESCAPE '\\'");
      parameters.put(name, SearchText.containsPattern(value));
    }
  }

  private String orderBy() {
    StringBuilder sql = new StringBuilder(" ORDER BY ");
    for (SearchCriteria.SortKey key : criteria.sort()) {
      sql.append(SORT_COLUMNS.get(key.field()))
          .append(key.descending() ? " DESC" : " ASC")
          .append(NULLABLE.contains(key.field()) ? " NULLS LAST, " : ", ");
    }
    boolean descending = criteria.sort().get(0).descending();
    return sql.append("i.id").append(descending ? " DESC" : " ASC").toString();
  }
}
