package org.ims.interaction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ims.audit.AuditAction;
import org.ims.platform.StatementTimeout;
import org.ims.site.SiteContext;
import org.ims.site.SiteScoped;

/**
 * The Finder's search, for the REST API and the pages: runs the {@link SearchQuery} of the criteria
 * at the active site and returns a page with its totals. The site is named in the query and
 * enforced again by row-level security ({@link SiteScoped} sets it for the transaction).
 */
@Stateless
@SiteScoped
public class InteractionSearch {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject SearchAudit searchAudit;
  @Inject InteractionMetrics metrics;

  /** One page of results and the counts the Finder shows ("28 filtered from 125"). */
  public record Page(
      String siteName,
      List<InteractionView> items,
      int page,
      int pageSize,
      long totalRecords,
      boolean totalExact,
      long unfilteredTotal,
      List<String> warnings) {}

  public Page find(SearchCriteria criteria) {
    return metrics.timeSearch(() -> run(criteria, AuditAction.SEARCH));
  }

  /** Like {@link #find}, for a file: recorded as an export. */
  public Page export(SearchCriteria criteria) {
    Page page = run(criteria, AuditAction.EXPORT);
    metrics.exported(context.siteId());
    return page;
  }

  /**
   * A search the statement timeout stopped is refused with what the user can do about it; the
   * export's query is the same search, at most {@link InteractionExport#MAX_ROWS} rows, under the
   * same bound.
   */
  private Page run(SearchCriteria criteria, AuditAction action) {
    try {
      return search(criteria, action);
    } catch (PersistenceException failure) {
      if (StatementTimeout.isCause(failure)) {
        throw StatementTimeout.refusal(
            "The search took longer than "
                + StatementTimeout.configured().toSeconds()
                + " seconds and was stopped. Narrow it down (a type, a date range, more words)"
                + " or try again in a moment.");
      }
      throw failure;
    }
  }

  private Page search(SearchCriteria criteria, AuditAction action) {
    SearchQuery.SiteStats site =
        SearchQuery.SiteStats.of(
            (Object[])
                em.createNativeQuery(SearchQuery.SITE_STATS_SQL)
                    .setParameter("site", context.siteId())
                    .getSingleResult());
    SearchQuery query = SearchQuery.of(criteria, context.siteId(), site);
    SearchQuery.Total total =
        query.countSql().map(sql -> query.total(count(sql, query))).orElse(query.siteTotal());
    List<InteractionView> items = new ArrayList<>();
    for (Object row : bind(em.createNativeQuery(query.pageSql(total)), query).getResultList()) {
      items.add(view((Object[]) row));
    }
    searchAudit.record(action, context.actor(), criteria, total.value());
    return new Page(
        context.siteName(),
        items,
        criteria.page(),
        criteria.pageSize(),
        total.value(),
        total.exact(),
        site.live(),
        criteria.warnings());
  }

  private long count(String sql, SearchQuery query) {
    return ((Number) bind(em.createNativeQuery(sql), query).getSingleResult()).longValue();
  }

  private static Query bind(Query sql, SearchQuery query) {
    query.parameters().forEach(sql::setParameter);
    return sql;
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
