package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ims.audit.AuditAction;
import org.ims.site.SiteContext;
import org.ims.site.SiteScoped;

/**
 * The Finder's query (spec F-006/F-007), for the REST API and the pages: global search, per-field
 * filters, sort, page, totals.
 *
 * <p>Native SQL, because JPQL cannot express full-text matching ({@code @@}); every value is a
 * bound parameter and every sort column comes from a fixed list. The site is named in the query and
 * enforced again by row-level security ({@link SiteScoped} sets it for the transaction).
 */
@Stateless
@SiteScoped
public class InteractionSearch {

  /** Sort fields by API name, as SQL; text sorts ignore case, and empty values go last. */
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

  private static final String SELECT =
      "SELECT i.id, i.site_id, i.title, i.type, i.lead, i.start_datetime, i.end_datetime,"
          + " i.timezone, i.location, i.description, i.notes, i.version, cu.username,"
          + " i.created_at, uu.username, i.updated_at"
          + " FROM interactions i"
          + " LEFT JOIN users cu ON cu.id = i.created_by"
          + " LEFT JOIN users uu ON uu.id = i.updated_by";

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject SearchAudit searchAudit;

  /** One page of results and the counts the Finder shows ("28 filtered from 125"). */
  public record Page(
      String siteName,
      List<InteractionView> items,
      int page,
      int pageSize,
      long totalRecords,
      long unfilteredTotal,
      List<String> warnings) {

    public long totalPages() {
      return (totalRecords + pageSize - 1) / pageSize;
    }
  }

  public Page find(SearchCriteria criteria) {
    return run(criteria, AuditAction.SEARCH);
  }

  /** Like {@link #find}, for a file: recorded as an export. */
  public Page export(SearchCriteria criteria) {
    return run(criteria, AuditAction.EXPORT);
  }

  private Page run(SearchCriteria criteria, AuditAction action) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(criteria, parameters);
    Query page =
        em.createNativeQuery(SELECT + where + orderBy(criteria))
            .setFirstResult((criteria.page() - 1) * criteria.pageSize())
            .setMaxResults(criteria.pageSize());
    parameters.forEach(page::setParameter);
    List<InteractionView> items = new ArrayList<>();
    for (Object row : page.getResultList()) {
      items.add(view((Object[]) row));
    }
    long total = count(where, parameters);
    long unfiltered = total;
    if (criteria.filtered()) {
      Map<String, Object> none = new LinkedHashMap<>();
      unfiltered = count(where(SearchCriteria.all(), none), none);
    }
    searchAudit.record(action, context.actor(), criteria, total);
    return new Page(
        context.siteName(),
        items,
        criteria.page(),
        criteria.pageSize(),
        total,
        unfiltered,
        criteria.warnings());
  }

  private long count(String where, Map<String, Object> parameters) {
    Query count =
        em.createNativeQuery(
            "SELECT count(*) FROM interactions i LEFT JOIN users cu ON cu.id = i.created_by"
                + where);
    parameters.forEach(count::setParameter);
    return ((Number) count.getSingleResult()).longValue();
  }

  private String where(SearchCriteria c, Map<String, Object> parameters) {
    StringBuilder sql = new StringBuilder(" WHERE i.site_id = :site AND i.deleted_at IS NULL");
    parameters.put("site", context.siteId());
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
    contains(sql, parameters, "title", "i.title", c.title());
    contains(sql, parameters, "lead", "i.lead", c.lead());
    contains(sql, parameters, "location", "i.location", c.location());
    if (!c.types().isEmpty()) {
      sql.append(" AND lower(i.type) IN (:types)");
      parameters.put("types", c.types().stream().map(String::toLowerCase).toList());
    }
    if (c.timezone() != null) {
      sql.append(" AND i.timezone = :timezone");
      parameters.put("timezone", c.timezone());
    }
    // Interactions overlapping the range.
    if (c.from() != null) {
      sql.append(" AND i.end_datetime > :from");
      parameters.put("from", OffsetDateTime.ofInstant(c.from(), ZoneId.of("UTC")));
    }
    if (c.to() != null) {
      sql.append(" AND i.start_datetime < :to");
      parameters.put("to", OffsetDateTime.ofInstant(c.to(), ZoneId.of("UTC")));
    }
    if (c.createdBy() != null) {
      sql.append(" AND lower(cu.username) = lower(:createdBy)");
      parameters.put("createdBy", c.createdBy());
    }
    return sql.toString();
  }

  /** Case- and accent-insensitive "contains", served by the trigram indexes of the columns. */
  private static void contains(
      StringBuilder sql, Map<String, Object> parameters, String name, String column, String value) {
    if (value != null) {
      sql.append(" AND lower(ims_unaccent(")
          .append(column)
          .append(")) LIKE ims_unaccent(:")
          .append(name)
          .append(") ESCAPE '\\'");
      parameters.put(name, SearchText.containsPattern(value));
    }
  }

  private static String orderBy(SearchCriteria c) {
    StringBuilder sql = new StringBuilder(" ORDER BY ");
    for (SearchCriteria.SortKey key : c.sort()) {
      sql.append(SORT_COLUMNS.get(key.field()))
          .append(key.descending() ? " DESC NULLS LAST, " : " ASC NULLS LAST, ");
    }
    boolean descending = c.sort().get(0).descending();
    return sql.append("i.id").append(descending ? " DESC" : " ASC").toString();
  }

  private static InteractionView view(Object[] row) {
    String zone = (String) row[7];
    return new InteractionView(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        instant(row[5]).atZone(ZoneId.of(zone)).toOffsetDateTime(),
        instant(row[6]).atZone(ZoneId.of(zone)).toOffsetDateTime(),
        zone,
        (String) row[8],
        (String) row[9],
        (String) row[10],
        ((Number) row[11]).longValue(),
        (String) row[12],
        instant(row[13]),
        (String) row[14],
        instant(row[15]),
        null,
        null);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
