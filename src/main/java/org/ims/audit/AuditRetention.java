package org.ims.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Retires the audit trail's old entries, one bounded batch per call and transaction, through the
 * database's own function {@code ims_audit_retire} (migration V5): the application role cannot
 * delete or change audit rows, the function (owned by the schema owner) can, and only the oldest
 * rows of a chain, only past the minimum age the database keeps for their class, and only where the
 * chain verifies. Each batch moves the chain's start (its checkpoint) to the last row retired.
 */
@Stateless
public class AuditRetention {

  /** The retention classes whose entries are retired; changes to data are kept. */
  public enum Retired {
    /** Sign-ins, sessions and refusals: deleted. */
    AUTHENTICATION("authentication"),
    /** Searches, exports, checks of the trail: anonymised (the actor removed), kept. */
    ACTIVITY("activity");

    private final String databaseName;

    Retired(String databaseName) {
      this.databaseName = databaseName;
    }
  }

  /**
   * What one batch did: the chain, its start (moved to the last row retired), and how many rows
   * went or were anonymised. {@code brokenAt} is the sequence where the part to retire did not
   * verify: then nothing was retired, and the chain keeps its evidence.
   */
  public record Batch(int chain, long startSequence, String startHash, long rows, Long brokenAt) {

    public boolean broken() {
      return brokenAt != null;
    }
  }

  @PersistenceContext EntityManager em;

  /**
   * Retires up to {@code limit} entries older than {@code olderThan} (an ISO-8601 period such as
   * P2Y) of the first chain of the class after {@code afterChain} that has any; empty when no such
   * chain is left. Fewer than {@code limit} rows: that chain has no more. Refused by the database
   * when the period is shorter than its minimum for the class.
   */
  public Optional<Batch> retire(
      Retired retentionClass, String olderThan, int limit, int afterChain) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT chain_id, start_seq, start_hash, retired, broken_at"
                    + " FROM ims_audit_retire(?1, CAST(?2 AS interval), ?3, ?4)")
            .setParameter(1, retentionClass.databaseName)
            .setParameter(2, olderThan)
            .setParameter(3, limit)
            .setParameter(4, afterChain)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Batch(
                    ((Number) r[0]).intValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    r[4] == null ? null : ((Number) r[4]).longValue()));
  }
}
