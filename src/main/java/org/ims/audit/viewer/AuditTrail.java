package org.ims.audit.viewer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditEntry;
import org.ims.audit.AuditLog;
import org.ims.platform.ResultPage;
import org.ims.site.MembershipService;
import org.ims.site.Role;
import org.ims.site.SiteContext;

/**
 * Reading the audit trail and checking that it is intact. A global administrator sees every entry;
 * a site administrator sees the entries of the sites they administer, and the sign-ins of their
 * users (recorded before any site was chosen); anyone else is refused.
 */
@Stateless
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject AuditLog audit;

  /** The verdict on the hash chain. {@code firstBroken} is null when the chain is intact. */
  public record Verification(
      boolean intact, long checkedRows, long headSequence, String headHash, Broken firstBroken) {}

  /**
   * Where the chain breaks. {@code entryId} and {@code occurredAt} are withheld from a site
   * administrator when the row is not one of their sites'.
   */
  public record Broken(Long entryId, long sequence, String problem, String explanation) {}

  /** Whether the caller may read the audit trail at all: what the page asks to show it. */
  public boolean canView() {
    return context.globalAdmin() || !memberships.administeredSiteIds(context.userId()).isEmpty();
  }

  /**
   * The names of sites that entries name, for showing them: only sites within the caller's reach
   * (the ids of others, which some details mention, stay ids).
   */
  public Map<Long, String> siteNames(Collection<Long> siteIds) {
    Reach reach = reach("view the audit log");
    List<Long> wanted =
        siteIds.stream().filter(id -> reach.global() || reach.siteIds().contains(id)).toList();
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> names = new HashMap<>();
    em.createQuery("SELECT s.id, s.name FROM Site s WHERE s.id IN :ids", Object[].class)
        .setParameter("ids", wanted)
        .getResultList()
        .forEach(row -> names.put((Long) row[0], (String) row[1]));
    return names;
  }

  /** One page of entries, newest first. */
  public ResultPage<AuditEntry> search(AuditQuery query) {
    Reach reach = reach("view the audit log");
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    if (!reach.global()) {
      where.append(
          " AND (e.siteId IN :sites OR (e.siteId IS NULL AND e.userId IN"
              + " (SELECT m.userId FROM Membership m WHERE m.site.id IN :sites)))");
      parameters.put("sites", reach.siteIds());
    }
    if (query.username() != null) {
      where.append(" AND lower(e.username) = lower(:username)");
      parameters.put("username", query.username());
    }
    if (!query.actions().isEmpty()) {
      where.append(" AND e.action IN :actions");
      parameters.put("actions", query.actions());
    }
    if (query.entityType() != null) {
      where.append(" AND lower(e.entityType) = lower(:entityType)");
      parameters.put("entityType", query.entityType());
    }
    if (query.entityId() != null) {
      where.append(" AND e.entityId = :entityId");
      parameters.put("entityId", query.entityId());
    }
    if (query.siteId() != null) {
      where.append(" AND e.siteId = :site");
      parameters.put("site", query.siteId());
    }
    if (query.from() != null) {
      where.append(" AND e.occurredAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.toExclusive() != null) {
      where.append(" AND e.occurredAt < :to");
      parameters.put("to", query.toExclusive());
    }
    TypedQuery<Long> count =
        em.createQuery("SELECT count(e) FROM AuditEntry e" + where, Long.class);
    TypedQuery<AuditEntry> items =
        em.createQuery(
            "SELECT e FROM AuditEntry e" + where + " ORDER BY e.occurredAt DESC, e.id DESC",
            AuditEntry.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          items.setParameter(name, value);
        });
    List<AuditEntry> page =
        items
            .setFirstResult((query.page() - 1) * query.pageSize())
            .setMaxResults(query.pageSize())
            .getResultList();
    return new ResultPage<>(page, query.page(), query.pageSize(), count.getSingleResult());
  }

  /**
   * Recomputes every row's hash in chain order (in the database, one statement, one snapshot) and
   * reports the first row whose content changed, whose predecessor was changed or removed, or
   * missing rows at the end. Recorded in the audit trail itself.
   */
  public Verification verify() {
    Reach reach = reach("verify the audit log");
    Object[] summary =
        (Object[])
            em.createNativeQuery(
                    "SELECT (SELECT count(*) FROM audit_log),"
                        + " (SELECT max(chain_seq) FROM audit_log),"
                        + " (SELECT hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1),"
                        + " h.chain_seq, h.hash FROM audit_chain_head h")
                .getSingleResult();
    long rows = ((Number) summary[0]).longValue();
    long headSequence = ((Number) summary[3]).longValue();
    String headHash = (String) summary[4];
    @SuppressWarnings("unchecked")
    List<Object[]> broken =
        em.createNativeQuery(
                "WITH c AS (SELECT a.id, a.chain_seq, a.site_id, a.hash, a.prev_hash,"
                    + " ims_audit_hash(a, a.prev_hash) AS recomputed,"
                    + " lag(a.hash) OVER (ORDER BY a.chain_seq) AS previous_hash,"
                    + " lag(a.chain_seq) OVER (ORDER BY a.chain_seq) AS previous_seq"
                    + " FROM audit_log a)"
                    + " SELECT id, chain_seq, site_id,"
                    + " CASE WHEN recomputed <> hash THEN 'CONTENT_CHANGED'"
                    + " ELSE 'PREDECESSOR_CHANGED_OR_REMOVED' END"
                    + " FROM c WHERE recomputed <> hash"
                    + " OR chain_seq <> coalesce(previous_seq, 0) + 1"
                    + " OR prev_hash IS DISTINCT FROM previous_hash"
                    + " ORDER BY chain_seq LIMIT 1")
            .getResultList();
    Broken first = null;
    if (!broken.isEmpty()) {
      Object[] row = broken.get(0);
      Long siteId = row[2] == null ? null : ((Number) row[2]).longValue();
      boolean visible = reach.global() || (siteId != null && reach.siteIds().contains(siteId));
      String problem = (String) row[3];
      first =
          new Broken(
              visible ? ((Number) row[0]).longValue() : null,
              ((Number) row[1]).longValue(),
              problem,
              problem.equals("CONTENT_CHANGED")
                  ? "This entry was changed after it was written."
                  : "The entry before this one was changed or removed.");
    } else {
      Number lastSequence = (Number) summary[1];
      long last = lastSequence == null ? 0 : lastSequence.longValue();
      if (last != headSequence || (rows > 0 && !headHash.equals(summary[2]))) {
        first =
            new Broken(
                null,
                last + 1,
                "ENTRIES_REMOVED_AT_END",
                "The newest entries were removed: the chain ends before its recorded head.");
      }
    }
    Verification verdict = new Verification(first == null, rows, headSequence, headHash, first);
    Map<String, Object> details = new HashMap<>();
    details.put("intact", verdict.intact());
    details.put("checkedRows", rows);
    if (first != null) {
      details.put("brokenAtSequence", first.sequence());
      details.put("problem", first.problem());
    }
    audit.securityEvent(AuditAction.AUDIT_CHAIN_VERIFIED, context.actor(), details);
    return verdict;
  }

  private record Reach(boolean global, List<Long> siteIds) {}

  private Reach reach(String what) {
    if (context.globalAdmin()) {
      return new Reach(true, List.of());
    }
    List<Long> sites = memberships.administeredSiteIds(context.userId());
    if (sites.isEmpty()) {
      // Administrators of no site: refused (403, audited) like any role check.
      context.require(Role.ADMINISTRATOR, what);
    }
    return new Reach(false, sites);
  }
}
