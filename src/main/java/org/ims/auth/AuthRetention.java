package org.ims.auth;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Removes what authentication leaves behind once it is of no use: sessions that ended (and their
 * refresh tokens), and login attempts past the authentication log's period. One bounded batch per
 * call and transaction, through functions of the schema owner (migration V5): the application role
 * may not delete either table's rows itself, so it cannot remove an open session or a recent
 * attempt.
 */
@Stateless
public class AuthRetention {

  /** What one batch removed. */
  public record Ended(long sessions, long refreshTokens) {}

  @PersistenceContext EntityManager em;

  /**
   * Sessions that ended (expired or revoked) longer than {@code endedFor} (ISO-8601) ago, with
   * their refresh tokens, and refresh tokens expired that long ago; at most {@code limit} of each.
   */
  public Ended purgeEndedSessions(String endedFor, int limit) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT sessions_deleted, tokens_deleted"
                        + " FROM ims_purge_ended_sessions(CAST(?1 AS interval), ?2)")
                .setParameter(1, endedFor)
                .setParameter(2, limit)
                .getSingleResult();
    return new Ended(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
  }

  /**
   * Login attempts older than {@code olderThan} (ISO-8601), at most {@code limit}; the database
   * refuses a period shorter than the authentication log's minimum.
   */
  public long purgeLoginAttempts(String olderThan, int limit) {
    return ((Number)
            em.createNativeQuery("SELECT ims_purge_login_attempts(CAST(?1 AS interval), ?2)")
                .setParameter(1, olderThan)
                .setParameter(2, limit)
                .getSingleResult())
        .longValue();
  }
}
