package org.ims.retention;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention periods (MicroProfile Config; defaults in microprofile-config.properties, meanings
 * in docs/operations.md). Deleted interactions keep their own setting, {@code
 * ims.interactions.restorable-for}, which is also how long they can be restored.
 */
@ApplicationScoped
public class RetentionSettings {

  @Inject
  @ConfigProperty(name = "ims.retention.authentication-logs")
  String authenticationLogs;

  @Inject
  @ConfigProperty(name = "ims.retention.activity-logs")
  String activityLogs;

  @Inject
  @ConfigProperty(name = "ims.retention.ended-sessions")
  String endedSessions;

  /**
   * Archived interactions: there is no archive yet (the interaction lifecycle is a feature of its
   * own). The period is read and checked here, and reported by every run as not applied, so that
   * the archive's purge has its setting waiting for it.
   */
  @Inject
  @ConfigProperty(name = "ims.retention.archived-interactions")
  String archivedInteractions;

  @Inject
  @ConfigProperty(name = "ims.retention.batch-size")
  int batchSize;

  private RetentionPeriod authentication;
  private RetentionPeriod activity;
  private RetentionPeriod sessions;
  private RetentionPeriod archived;

  /**
   * Observed at deployment so that the bean is made, and its settings read, then: a period that
   * cannot be read fails the start, not a night's run.
   */
  void check(@Observes Startup startup) {}

  @PostConstruct
  void parse() {
    authentication = RetentionPeriod.parse("ims.retention.authentication-logs", authenticationLogs);
    activity = RetentionPeriod.parse("ims.retention.activity-logs", activityLogs);
    sessions = RetentionPeriod.parse("ims.retention.ended-sessions", endedSessions);
    archived = RetentionPeriod.parse("ims.retention.archived-interactions", archivedInteractions);
    if (batchSize < 1 || batchSize > 50_000) {
      throw new IllegalArgumentException(
          "ims.retention.batch-size must be between 1 and 50000: " + batchSize);
    }
  }

  /** Sign-in, session and refusal records of the audit trail, and login attempts: deleted after. */
  RetentionPeriod authenticationLogs() {
    return authentication;
  }

  /** Search, export and audit-check records: anonymised after. */
  RetentionPeriod activityLogs() {
    return activity;
  }

  /** How long an ended session (and its refresh tokens) is kept after it ended. */
  RetentionPeriod endedSessions() {
    return sessions;
  }

  RetentionPeriod archivedInteractions() {
    return archived;
  }

  /** Rows per transaction, for every kind of row. */
  int batchSize() {
    return batchSize;
  }
}
