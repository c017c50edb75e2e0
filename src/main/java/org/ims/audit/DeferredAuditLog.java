package org.ims.audit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Audit entries that may be written a moment later, off the request thread, many in one statement
 * and one transaction: the Finder's searches and exports. A queue in this server's memory, written
 * every {@value #FLUSH_MILLIS} ms (and when the application stops); one transaction appends a whole
 * batch to one chain, where a row per request took a transaction, a chain lock and a commit each.
 *
 * <p>Not for changes (they commit with their change, {@link AuditLog#change}) nor for security
 * events ({@link AuditLog#securityEvent}, written before the request answers). What is queued here
 * is written whether the request then succeeds or not; it is lost only if the server dies within
 * the moment before the next write. When the queue is full (the database has been unreachable for a
 * while), the caller writes its entry itself, so nothing is dropped while the database answers.
 */
@ApplicationScoped
public class DeferredAuditLog {

  private static final Logger LOG = Logger.getLogger(DeferredAuditLog.class.getName());
  private static final Jsonb JSON = JsonbBuilder.create();

  static final long FLUSH_MILLIS = 200;
  static final int BATCH = 500;
  static final int CAPACITY = 50_000;

  private static final Metadata FAILED_WRITES =
      Metadata.builder()
          .withName("ims.audit.deferred.write.failures")
          .withDescription(
              "Batches of deferred audit entries (searches, exports) that could not be written;"
                  + " they are retried")
          .build();

  /** One entry waiting to be written. */
  record Pending(Instant occurredAt, AuditAction action, Actor actor, String details) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(CAPACITY);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AuditBatchWriter writer;
  @Inject MetricRegistry registry;

  private Counter failedWrites;
  private ScheduledFuture<?> flushing;
  private long lastWarning;

  void start(@Observes Startup startup) {
    failedWrites = registry.counter(FAILED_WRITES);
    flushing =
        scheduler.scheduleWithFixedDelay(
            this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Queues an entry with the time of now. */
  public void record(AuditAction action, Actor actor, Map<String, ?> details) {
    Pending entry =
        new Pending(Instant.now(), action, actor, details == null ? null : JSON.toJson(details));
    if (!queue.offer(entry)) {
      writer.write(List.of(entry));
    }
  }

  /** Writes everything queued so far, a batch per transaction. */
  void flush() {
    List<Pending> batch = new ArrayList<>(BATCH);
    while (queue.drainTo(batch, BATCH) > 0) {
      try {
        writer.write(batch);
      } catch (RuntimeException e) {
        failed(batch, e);
        return;
      }
      batch.clear();
    }
  }

  /** Back into the queue, to be tried at the next flush; a warning at most once a minute. */
  private void failed(List<Pending> batch, RuntimeException e) {
    failedWrites.inc();
    int kept = 0;
    for (Pending entry : batch) {
      if (queue.offer(entry)) {
        kept++;
      }
    }
    long now = System.nanoTime();
    if (lastWarning == 0 || now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
      lastWarning = now;
      int lost = batch.size() - kept;
      LOG.log(
          Level.WARNING,
          "Deferred audit entries could not be written; retrying"
              + (lost > 0 ? " (" + lost + " lost: the queue is full)" : "")
              + ": "
              + e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    if (flushing != null) {
      flushing.cancel(false);
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, queue.size() + " deferred audit entries lost at shutdown", e);
    }
  }
}
