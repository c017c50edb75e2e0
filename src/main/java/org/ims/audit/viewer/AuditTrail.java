package org.ims.audit.viewer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /**
   * The verdict on the hash chains. {@code firstBroken} is null when every chain is intact; {@code
   * checkedRows} counts the rows checked, those after each chain's start.
   */
  public record Verification(
      boolean intact, long checkedRows, List<Chain> chains, Broken firstBroken) {}

  /**
   * One chain as checked: its retention class, its start (the checkpoint: the sequence and hash of
   * the last entry retired, 0 and null while none was) and its head (the newest entry). Keep the
   * heads somewhere outside the database: they then also reveal a rewrite of a whole chain by
   * someone with the schema owner's rights.
   */
  public record Chain(
      int chain,
      String retentionClass,
      long startSequence,
      String startHash,
      long headSequence,
      String headHash,
      long checkedRows) {}

  /**
   * Where a chain breaks. {@code entryId} is withheld from a site administrator when the row is not
   * one of their sites'.
   */
  public record Broken(
      Long entryId, int chain, long sequence, String problem, String explanation) {}

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
   * Recomputes every row's hash, chain by chain from its start, in the database (two statements,
   * each consistent in itself) and reports the first row (the oldest by id) whose content changed,
   * or whose predecessor was changed or removed, else the first chain whose newest rows were
   * removed. Rows up to a chain's start were retired (deleted, or anonymised and so no longer
   * covered by their hash) and are not checked. Recorded in the audit trail itself.
   */
  public Verification verify() {
    Reach reach = reach("verify the audit log");
    List<Chain> chains = new ArrayList<>();
    Broken first = null;
    long checked = 0;
    @SuppressWarnings("unchecked")
    List<Object[]> states =
        em.createNativeQuery(
                "SELECT c.chain_id, c.retention_class, c.start_seq, c.start_hash, c.head_seq,"
                    + " c.head_hash, (SELECT count(*) FROM audit_log a"
                    + " WHERE a.chain_id = c.chain_id AND a.chain_seq > c.start_seq),"
                    + " l.chain_seq, l.hash FROM audit_chain c LEFT JOIN LATERAL"
                    + " (SELECT a.chain_seq, a.hash FROM audit_log a WHERE a.chain_id = c.chain_id"
                    + " AND a.chain_seq > c.start_seq ORDER BY a.chain_seq DESC LIMIT 1) l ON true"
                    + " ORDER BY c.chain_id")
            .getResultList();
    Broken atEnd = null;
    for (Object[] s : states) {
      Chain chain =
          new Chain(
              ((Number) s[0]).intValue(),
              (String) s[1],
              ((Number) s[2]).longValue(),
              (String) s[3],
              ((Number) s[4]).longValue(),
              (String) s[5],
              ((Number) s[6]).longValue());
      chains.add(chain);
      checked += chain.checkedRows();
      long last = s[7] == null ? chain.startSequence() : ((Number) s[7]).longValue();
      String lastHash = s[7] == null ? chain.startHash() : (String) s[8];
      if (atEnd == null
          && (last != chain.headSequence() || !Objects.equals(lastHash, chain.headHash()))) {
        atEnd =
            new Broken(
                null,
                chain.chain(),
                last + 1,
                "ENTRIES_REMOVED_AT_END",
                "The newest entries of chain "
                    + chain.chain()
                    + " were removed: the chain ends before its recorded head.");
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> broken =
        em.createNativeQuery(
                "WITH c AS (SELECT a.id, a.chain_id, a.chain_seq, a.site_id, a.hash, a.prev_hash,"
                    + " ims_audit_hash(a, a.prev_hash) AS recomputed,"
                    + " lag(a.hash) OVER w AS previous_hash,"
                    + " lag(a.chain_seq) OVER w AS previous_seq,"
                    + " coalesce(k.start_seq, 0) AS start_seq, k.start_hash"
                    + " FROM audit_log a LEFT JOIN audit_chain k ON k.chain_id = a.chain_id"
                    + " WHERE a.chain_seq > coalesce(k.start_seq, 0)"
                    + " WINDOW w AS (PARTITION BY a.chain_id ORDER BY a.chain_seq))"
                    + " SELECT id, chain_id, chain_seq, site_id,"
                    + " CASE WHEN recomputed <> hash THEN 'CONTENT_CHANGED'"
                    + " ELSE 'PREDECESSOR_CHANGED_OR_REMOVED' END"
                    + " FROM c WHERE recomputed <> hash"
                    + " OR chain_seq <> coalesce(previous_seq, start_seq) + 1"
                    + " OR prev_hash IS DISTINCT FROM"
                    + " CASE WHEN previous_seq IS NULL THEN start_hash ELSE previous_hash END"
                    + " ORDER BY id LIMIT 1")
            .getResultList();
    if (!broken.isEmpty()) {
      Object[] row = broken.get(0);
      Long siteId = row[3] == null ? null : ((Number) row[3]).longValue();
      boolean visible = reach.global() || (siteId != null && reach.siteIds().contains(siteId));
      String problem = (String) row[4];
      first =
          new Broken(
              visible ? ((Number) row[0]).longValue() : null,
              ((Number) row[1]).intValue(),
              ((Number) row[2]).longValue(),
              problem,
              problem.equals("CONTENT_CHANGED")
                  ? "This entry was changed after it was written."
                  : "The entry before this one was changed or removed.");
    } else {
      first = atEnd;
    }
    Verification verdict = new Verification(first == null, checked, chains, first);
    Map<String, Object> details = new HashMap<>();
    details.put("intact", verdict.intact());
    details.put("checkedRows", checked);
    details.put("chains", chains.size());
    if (first != null) {
      details.put("brokenInChain", first.chain());
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
