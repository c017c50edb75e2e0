package org.ims.platform;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts requests against {@link RateLimit}s with bucket4j. The buckets live where every server of
 * an installation sees them: the cluster's JCache when the server offers one (Payara Micro started
 * with clustering), otherwise this server's memory, which is right for a server that runs alone.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

  @Inject RateLimitSettings settings;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry metrics;

  private final Map<RateLimit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
  private SharedBuckets buckets;
  private final AtomicLong lastFailureLogged = new AtomicLong(System.nanoTime() - 120_000_000_000L);

  /** What one request got from one allowance, and the headers that tell the client. */
  public record Decision(RateLimit limit, boolean allowed, long remaining, Duration untilReset) {

    /** When refused: how long until one more request is allowed. */
    public long retryAfterSeconds() {
      return Math.max(1, ceilSeconds(untilReset));
    }

    /** X-RateLimit-Limit, -Remaining and -Reset (the UTC epoch second the window ends). */
    public Map<String, String> headers() {
      long reset = (Instant.now().plus(untilReset).toEpochMilli() + 999) / 1000;
      return Map.of(
          "X-RateLimit-Limit", Integer.toString(limit.capacity()),
          "X-RateLimit-Remaining", Long.toString(remaining),
          "X-RateLimit-Reset", Long.toString(reset));
    }

    /** The 429 a refused request answers, with Retry-After and the allowance's headers. */
    public ApiException refusal(String message) {
      ApiException refused =
          new ApiException(
                  ErrorCode.RATE_LIMITED,
                  message + " Try again in " + retryAfterSeconds() + " seconds.")
              .withHeader("Retry-After", Long.toString(retryAfterSeconds()));
      headers().forEach(refused::withHeader);
      return refused;
    }

    /** Of two decisions, the one the client should be shown: a refusal, else the least left. */
    public Decision tighter(Decision other) {
      if (allowed != other.allowed) {
        return allowed ? other : this;
      }
      return other.remaining < remaining ? other : this;
    }

    private static long ceilSeconds(Duration duration) {
      return (duration.toMillis() + 999) / 1000;
    }
  }

  @PostConstruct
  void init() {
    buckets = sharedStore().orElseGet(() -> SharedBuckets.local(settings.window()));
    LOG.info(() -> "Rate limits are counted in " + buckets);
  }

  /**
   * Takes one request from {@code key}'s allowance under {@code limit}. When the store cannot be
   * reached (a cluster in trouble), the request is allowed: rate limits protect the service, and
   * refusing everyone would be the outage they are meant to prevent.
   */
  public Decision take(RateLimit limit, String key) {
    ConsumptionProbe probe;
    try {
      probe =
          buckets
              .builder()
              .build(limit.name() + ':' + key, () -> configuration(limit))
              .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException storeFailure) {
      metrics.counter("ims.rate_limit.store_failures").inc();
      long now = System.nanoTime();
      long last = lastFailureLogged.get();
      // At most one log line a minute: the store fails for every request while it is down.
      if (now - last > 60_000_000_000L && lastFailureLogged.compareAndSet(last, now)) {
        LOG.log(
            Level.WARNING, "Rate limits cannot be counted; requests are let through", storeFailure);
      }
      return new Decision(limit, true, limit.capacity(), limit.window());
    }
    if (!probe.isConsumed()) {
      metrics.counter("ims.rate_limit.rejected", new Tag("limit", limit.name())).inc();
      return new Decision(limit, false, 0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
    return new Decision(
        limit, true, probe.getRemainingTokens(), Duration.ofNanos(probe.getNanosToWaitForReset()));
  }

  private BucketConfiguration configuration(RateLimit limit) {
    return configurations.computeIfAbsent(
        limit,
        l ->
            BucketConfiguration.builder()
                .addLimit(
                    bandwidth ->
                        bandwidth.capacity(l.capacity()).refillIntervally(l.capacity(), l.window()))
                .build());
  }

  /**
   * The cluster's JCache, looked up by the JNDI name the server registers it under ({@code
   * ims.rate-limit.cache-manager}); none when the name is empty, unbound, the server runs without a
   * cluster, or has no JCache API at all.
   */
  private Optional<SharedBuckets> sharedStore() {
    String jndiName = settings.cacheManagerJndiName();
    if (jndiName.isBlank()) {
      return Optional.empty();
    }
    if (!JCacheBuckets.apiPresent()) {
      LOG.info(
          () ->
              "This server has no JCache API for "
                  + jndiName
                  + ": rate limits are counted by this server alone");
      return Optional.empty();
    }
    return JCacheBuckets.lookup(jndiName, settings.window());
  }
}
