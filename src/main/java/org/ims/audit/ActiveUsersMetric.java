package org.ims.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ims.platform.Database;
import org.ims.platform.DatabaseReading;

/**
 * Users active in the last 15 minutes, across every server: the distinct users of the audit trail's
 * recent entries. Every signed-in user leaves some (sign-ins, every change, the Finder's searches:
 * each search once per 10 minutes, less than this window); attempts that did not sign anyone in are
 * left out. The query reads the recent entries of each action through the (action, time) index, and
 * runs at most once a minute, on a scrape, never on a request.
 */
@ApplicationScoped
public class ActiveUsersMetric {

  private static final Set<AuditAction> NOT_SIGNED_IN =
      EnumSet.of(
          AuditAction.LOGIN_FAILED,
          AuditAction.LOGIN_REFUSED_LOCKED,
          AuditAction.ACCOUNT_LOCKED,
          AuditAction.REFRESH_TOKEN_REUSED);

  private static final String SQL =
      "SELECT count(DISTINCT user_id) FROM audit_log"
          + " WHERE action = ANY (?) AND occurred_at > now() - interval '15 minutes'";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject MetricRegistry registry;

  void register(@Observes Startup startup) {
    String[] actions =
        EnumSet.complementOf(EnumSet.copyOf(NOT_SIGNED_IN)).stream()
            .map(Enum::name)
            .toArray(String[]::new);
    DatabaseReading active =
        new DatabaseReading(
            dataSource,
            SQL,
            s -> s.setArray(1, s.getConnection().createArrayOf("varchar", actions)),
            Duration.ofMinutes(1));
    registry.gauge(
        Metadata.builder()
            .withName("ims.users.active")
            .withDescription("Distinct users with an audited action in the last 15 minutes")
            .build(),
        () -> active.get(0));
  }
}
