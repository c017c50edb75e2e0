package org.ims.interaction;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Usage of the interaction capability (business metrics): changes and exports per site, and the
 * Finder's searches with their latency, for the REST API and the pages alike. In memory only:
 * counting never costs a database round trip.
 */
@ApplicationScoped
public class InteractionMetrics {

  private static final Metadata CREATED =
      counter("ims.interactions.created", "Interactions created, by site id");
  private static final Metadata UPDATED =
      counter("ims.interactions.updated", "Interactions updated, by site id");
  private static final Metadata DELETED =
      counter("ims.interactions.deleted", "Interactions deleted (restorable), by site id");
  private static final Metadata EXPORTS =
      counter("ims.exports", "Finder exports (CSV or Excel), by site id");

  @Inject MetricRegistry registry;
  @Resource TransactionSynchronizationRegistry transactions;

  private Timer searches;
  private Counter failedSearches;

  /** At deployment, so that the series exist (at zero) before the first search. */
  void register(@Observes Startup startup) {
    searches =
        registry.timer(
            Metadata.builder()
                .withName("ims.searches")
                .withDescription("Finder searches (REST and pages) that completed, with duration")
                .withUnit(MetricUnits.NANOSECONDS)
                .build());
    failedSearches =
        registry.counter(
            Metadata.builder()
                .withName("ims.searches.failed")
                .withDescription("Finder searches that ended in an error")
                .build());
  }

  void created(Long siteId) {
    afterCommit(CREATED, siteId);
  }

  void updated(Long siteId) {
    afterCommit(UPDATED, siteId);
  }

  void deleted(Long siteId) {
    afterCommit(DELETED, siteId);
  }

  /** Counts a change once its transaction has committed: a rolled-back change did not happen. */
  private void afterCommit(Metadata counter, Long siteId) {
    Counter count = registry.counter(counter, site(siteId));
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      count.inc();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              count.inc();
            }
          }
        });
  }

  void exported(Long siteId) {
    registry.counter(EXPORTS, site(siteId)).inc();
  }

  <T> T timeSearch(Supplier<T> search) {
    long start = System.nanoTime();
    try {
      T result = search.get();
      searches.update(Duration.ofNanos(System.nanoTime() - start));
      return result;
    } catch (RuntimeException e) {
      failedSearches.inc();
      throw e;
    }
  }

  private static Tag site(Long siteId) {
    return new Tag("site", String.valueOf(siteId));
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
