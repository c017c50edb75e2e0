package org.ims.retention;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.audit.AuditRetention;
import org.ims.auth.AuthRetention;
import org.ims.interaction.DeletedInteractionPurge;
import org.ims.platform.Database;
import org.ims.retention.RetentionMetrics.Kind;
import org.ims.retention.RetentionMetrics.Outcome;

/**
 * Every night, applies every retention rule in bounded batches, a transaction each:
 *
 * <ul>
 *   <li>the audit trail's sign-in, session and refusal records: deleted after {@code
 *       ims.retention.authentication-logs} (2 years);
 *   <li>its search, export and audit-check records: anonymised after {@code
 *       ims.retention.activity-logs} (1 year);
 *   <li>login attempts: deleted after the authentication log's period;
 *   <li>sessions and refresh tokens: deleted {@code ims.retention.ended-sessions} after they ended;
 *   <li>deleted interactions: purged once they can no longer be restored ({@code
 *       ims.interactions.restorable-for}, 30 days);
 *   <li>archived interactions ({@code ims.retention.archived-interactions}, 5 years): reported, not
 *       applied; there is no archive yet.
 * </ul>
 *
 * <p>Every server of a cluster schedules it; the first to take a PostgreSQL advisory lock runs it,
 * and any other that tries while it runs skips its turn. The lock belongs to one database session,
 * so a server that dies mid-run releases it with its connection, and the next night's run carries
 * on where it stopped: every batch is complete in itself. Each run that was not skipped writes one
 * audit entry ({@code RETENTION_RUN}) with its counts, the audit chains' new starts and any error.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionJob {

  /**
   * The advisory lock's key, one 64-bit number for the whole database ("IMS" and "RETN" in ASCII);
   * nothing else in the application takes advisory locks.
   */
  static final long LOCK = 0x494d_5300_5245_544eL;

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
  private static final Actor SYSTEM = new Actor(null, "system", null, null, null);

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject RetentionSettings settings;
  @Inject RetentionMetrics metrics;
  @Inject AuditRetention auditTrail;
  @Inject AuthRetention authentication;
  @Inject DeletedInteractionPurge deletedInteractions;
  @Inject AuditLog audit;

  /** What a run did; {@code errors} by rule, empty when every rule applied. */
  public record Result(
      Outcome outcome,
      Map<String, Long> rows,
      List<AuditRetention.Batch> checkpoints,
      Map<String, String> errors) {

    public boolean skipped() {
      return outcome == Outcome.SKIPPED;
    }
  }

  @Schedule(hour = "3", minute = "17", persistent = false)
  void nightly() {
    run();
  }

  /** One run now, unless another server (or thread) is running one: then it is skipped. */
  public Result run() {
    Instant started = Instant.now();
    try (Connection lock = dataSource.getConnection()) {
      if (!tryLock(lock)) {
        LOG.info("Retention: another server is running it; skipped");
        metrics.run(Outcome.SKIPPED, Duration.ZERO);
        return new Result(Outcome.SKIPPED, Map.of(), List.of(), Map.of());
      }
      try {
        return applyRules(started);
      } finally {
        unlock(lock);
      }
    } catch (SQLException e) {
      // Only the lock's own connection gets here: the database is unreachable, nothing was done.
      LOG.log(Level.SEVERE, "Retention could not run: " + e.getMessage(), e);
      metrics.run(Outcome.FAILED, Duration.between(started, Instant.now()));
      return new Result(
          Outcome.FAILED, Map.of(), List.of(), Map.of("lock", String.valueOf(e.getMessage())));
    }
  }

  private Result applyRules(Instant started) {
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Map<Integer, AuditRetention.Batch> checkpoints = new TreeMap<>();
    int batch = settings.batchSize();
    String authPeriod = settings.authenticationLogs().iso();

    apply(
        Kind.AUTHENTICATION_LOGS,
        rows,
        errors,
        () ->
            retireAuditRecords(
                AuditRetention.Retired.AUTHENTICATION, authPeriod, batch, checkpoints));
    apply(
        Kind.ACTIVITY_LOGS,
        rows,
        errors,
        () ->
            retireAuditRecords(
                AuditRetention.Retired.ACTIVITY,
                settings.activityLogs().iso(),
                batch,
                checkpoints));
    apply(
        Kind.LOGIN_ATTEMPTS,
        rows,
        errors,
        () -> untilNone(() -> authentication.purgeLoginAttempts(authPeriod, batch)));
    long[] tokens = {0};
    apply(
        Kind.SESSIONS,
        rows,
        errors,
        () -> {
          long sessions = 0;
          AuthRetention.Ended ended;
          do {
            ended = authentication.purgeEndedSessions(settings.endedSessions().iso(), batch);
            sessions += ended.sessions();
            tokens[0] += ended.refreshTokens();
            metrics.rows(Kind.REFRESH_TOKENS, ended.refreshTokens());
          } while (ended.sessions() + ended.refreshTokens() > 0);
          return sessions;
        });
    rows.put(Kind.REFRESH_TOKENS.tag, tokens[0]);
    apply(
        Kind.DELETED_INTERACTIONS,
        rows,
        errors,
        () -> deletedInteractions.purgeDeletedBefore(deletedInteractions.cutoff(), batch));

    Outcome outcome = errors.isEmpty() ? Outcome.COMPLETED : Outcome.FAILED;
    Duration took = Duration.between(started, Instant.now());
    Result result =
        new Result(outcome, rows, List.copyOf(checkpoints.values()), Map.copyOf(errors));
    record(result, started, took);
    metrics.run(outcome, took);
    LOG.log(
        outcome == Outcome.COMPLETED ? Level.INFO : Level.SEVERE,
        () ->
            "Retention "
                + outcome.name().toLowerCase()
                + " in "
                + took.toMillis()
                + " ms: "
                + rows
                + (errors.isEmpty() ? "" : "; errors: " + errors));
    return result;
  }

  /** One rule: its rows counted (and in the metrics as they go), or its error noted. */
  private void apply(
      Kind kind, Map<String, Long> rows, Map<String, String> errors, LongSupplier rule) {
    try {
      long n = rule.getAsLong();
      rows.put(kind.tag, n);
      metrics.rows(kind, n);
    } catch (BrokenChains e) {
      rows.put(kind.tag, e.retired);
      metrics.rows(kind, e.retired);
      LOG.severe("Retention of " + kind.tag + ": " + e.getMessage());
      errors.put(kind.tag, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Retention of " + kind.tag + " failed", e);
      errors.put(kind.tag, rootMessage(e));
    }
  }

  /**
   * Every chain of the class in turn, a batch at a time: a chain whose old part does not verify is
   * left as it is (its evidence kept) and named as this rule's error; the others go on.
   */
  private long retireAuditRecords(
      AuditRetention.Retired retentionClass,
      String period,
      int batch,
      Map<Integer, AuditRetention.Batch> checkpoints) {
    long n = 0;
    int after = 0;
    List<String> broken = new ArrayList<>();
    Optional<AuditRetention.Batch> done;
    while ((done = auditTrail.retire(retentionClass, period, batch, after)).isPresent()) {
      AuditRetention.Batch b = done.get();
      if (b.broken()) {
        broken.add("chain " + b.chain() + " does not verify at sequence " + b.brokenAt());
        after = b.chain();
        continue;
      }
      n += b.rows();
      checkpoints.put(b.chain(), b);
      // A full batch: the same chain may have more.
      after = b.rows() < batch ? b.chain() : b.chain() - 1;
    }
    if (!broken.isEmpty()) {
      throw new BrokenChains(
          n, String.join("; ", broken) + ": not retired, see GET /api/audit/verify");
    }
    return n;
  }

  /** Some chains were left as they are because they do not verify; {@code retired} rows went. */
  private static final class BrokenChains extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long retired;

    BrokenChains(long retired, String message) {
      super(message);
      this.retired = retired;
    }
  }

  /** Calls a batch until one comes back with nothing. */
  private static long untilNone(LongSupplier batch) {
    long total = 0;
    long n;
    do {
      n = batch.getAsLong();
      total += n;
    } while (n > 0);
    return total;
  }

  private void record(Result result, Instant started, Duration took) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", result.outcome().name());
    details.put("startedAt", started.toString());
    details.put("durationMs", took.toMillis());
    Map<String, String> periods = new LinkedHashMap<>();
    periods.put("authenticationLogs", settings.authenticationLogs().iso());
    periods.put("activityLogs", settings.activityLogs().iso());
    periods.put("endedSessions", settings.endedSessions().iso());
    periods.put("deletedInteractionsBefore", deletedInteractions.cutoff().toString());
    periods.put(
        "archivedInteractions",
        settings.archivedInteractions().iso() + " (not applied: there is no archive yet)");
    details.put("periods", periods);
    details.put("rows", result.rows());
    List<Map<String, Object>> starts = new ArrayList<>();
    for (AuditRetention.Batch b : result.checkpoints()) {
      starts.add(Map.of("chain", b.chain(), "sequence", b.startSequence(), "hash", b.startHash()));
    }
    details.put("checkpoints", starts);
    if (!result.errors().isEmpty()) {
      details.put("errors", result.errors());
    }
    try {
      audit.securityEvent(AuditAction.RETENTION_RUN, SYSTEM, details);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Retention: the run's audit entry could not be written", e);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, LOCK);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * Released before the connection goes back to the pool, which would otherwise keep it. A
   * connection that failed is closed by the pool, and its session's lock ends with it.
   */
  private static void unlock(Connection c) {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, LOCK);
      s.execute();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Retention: the advisory lock could not be released", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
