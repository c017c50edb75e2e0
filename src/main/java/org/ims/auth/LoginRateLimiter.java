package org.ims.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.ims.platform.ApiException;

/**
 * Limits the authentication routes to N attempts per minute per client address and per username
 * (token buckets from bucket4j, refilled whole each minute), so that guessing passwords is slow
 * even across many accounts or many addresses. Idle buckets are forgotten after a few minutes.
 */
@ApplicationScoped
public class LoginRateLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  @Inject AuthSettings settings;

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).maximumSize(200_000).build();

  @PostConstruct
  void init() {
    buckets.invalidateAll();
  }

  /** Takes one attempt from the address's and the username's allowance, or refuses with 429. */
  public void check(String clientAddress, String username) {
    if (clientAddress != null) {
      take("ip:" + clientAddress, settings.rateLimitPerIp());
    }
    if (username != null && !username.isBlank()) {
      take("user:" + username.trim().toLowerCase(Locale.ROOT), settings.rateLimitPerUsername());
    }
  }

  private void take(String key, int perMinute) {
    Bucket bucket =
        buckets.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        limit -> limit.capacity(perMinute).refillIntervally(perMinute, WINDOW))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
      throw new ApiException(
              429,
              "RATE_LIMITED",
              "Too many authentication attempts. Try again in " + seconds + " seconds.")
          .withHeader("Retry-After", Long.toString(seconds));
    }
  }
}
