package org.ims.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logins through the one password check of pages and API alike: successes, failures by reason (a
 * bounded set: UNKNOWN_USER, BAD_PASSWORD, INACTIVE_USER, NO_ACTIVE_SITE, LOCKED), and accounts
 * locked by too many failures. In memory only: counting never costs a database round trip.
 */
@ApplicationScoped
public class LoginMetrics {

  private static final Metadata SUCCEEDED =
      counter("ims.logins.succeeded", "Successful logins (pages and API)");
  private static final Metadata FAILED = counter("ims.logins.failed", "Refused logins, by reason");
  private static final Metadata LOCKED =
      counter("ims.accounts.locked", "Accounts locked after too many failed logins");

  @Inject MetricRegistry registry;

  private Counter succeeded;
  private Counter locked;

  /** At deployment, so that the series exist (at zero) before the first login. */
  void register(@Observes Startup startup) {
    succeeded = registry.counter(SUCCEEDED);
    locked = registry.counter(LOCKED);
  }

  void succeeded() {
    succeeded.inc();
  }

  void failed(String reason) {
    registry.counter(FAILED, new Tag("reason", reason)).inc();
  }

  void locked() {
    locked.inc();
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
