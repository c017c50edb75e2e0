package org.ims.retention;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.ims.platform.Database;
import org.ims.platform.DatabaseReading;

/**
 * The retention job's metrics: runs by outcome and rows by kind on the server that ran them (sum
 * over servers: one server runs each night's job, whichever gets the lock), the duration of runs,
 * and, for all servers alike, when the installation's last completed run was (read from the audit
 * trail at most once a minute, on a scrape), so that a job that stopped running can be alerted on.
 */
@ApplicationScoped
public class RetentionMetrics {

  /** The kinds of rows, a bounded set: the {@code data} tag of {@code ims.retention.rows}. */
  enum Kind {
    AUTHENTICATION_LOGS("authentication-logs"),
    ACTIVITY_LOGS("activity-logs"),
    LOGIN_ATTEMPTS("login-attempts"),
    SESSIONS("sessions"),
    REFRESH_TOKENS("refresh-tokens"),
    DELETED_INTERACTIONS("deleted-interactions");

    final String tag;

    Kind(String tag) {
      this.tag = tag;
    }
  }

  /** How a run ended: the {@code outcome} tag of {@code ims.retention.runs}. */
  public enum Outcome {
    /** Every rule applied. */
    COMPLETED,
    /** At least one rule failed (logged, and named in the run's audit entry); the others ran. */
    FAILED,
    /** Another server was running the job: this one did nothing. */
    SKIPPED
  }

  private static final Metadata RUNS =
      Metadata.builder()
          .withName("ims.retention.runs")
          .withDescription("Runs of the retention job on this server, by outcome")
          .build();
  private static final Metadata ROWS =
      Metadata.builder()
          .withName("ims.retention.rows")
          .withDescription(
              "Rows removed (audit activity records: anonymised) by the retention job, by data")
          .build();
  private static final Metadata DURATION =
      Metadata.builder()
          .withName("ims.retention.duration")
          .withDescription("Duration of retention runs that were not skipped")
          .withUnit(MetricUnits.NANOSECONDS)
          .build();
  private static final Metadata LAST_COMPLETED =
      Metadata.builder()
          .withName("ims.retention.last.completed")
          .withDescription(
              "When the installation's last completed retention run ended (any server), in seconds"
                  + " since the epoch; 0 before the first")
          .withUnit(MetricUnits.SECONDS)
          .build();

  private static final String LAST_COMPLETED_SQL =
      "SELECT coalesce(extract(epoch FROM max(occurred_at)), 0) FROM audit_log"
          + " WHERE action = 'RETENTION_RUN' AND details ->> 'outcome' = 'COMPLETED'";

  @Inject MetricRegistry registry;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /** At deployment, so that every series exists (at zero) before the first run. */
  void register(@Observes Startup startup) {
    for (Outcome outcome : Outcome.values()) {
      registry.counter(RUNS, outcome(outcome));
    }
    for (Kind kind : Kind.values()) {
      registry.counter(ROWS, kind(kind));
    }
    registry.timer(DURATION);
    DatabaseReading last =
        new DatabaseReading(dataSource, LAST_COMPLETED_SQL, s -> {}, Duration.ofMinutes(1));
    registry.gauge(LAST_COMPLETED, () -> last.get(0));
  }

  void rows(Kind kind, long n) {
    if (n > 0) {
      registry.counter(ROWS, kind(kind)).inc(n);
    }
  }

  void run(Outcome outcome, Duration duration) {
    registry.counter(RUNS, outcome(outcome)).inc();
    if (outcome != Outcome.SKIPPED) {
      registry.timer(DURATION).update(duration);
    }
  }

  private static Tag outcome(Outcome outcome) {
    return new Tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static Tag kind(Kind kind) {
    return new Tag("data", kind.tag);
  }
}
