package org.ims.platform;

import java.time.Duration;

/**
 * One allowance: at most {@code capacity} requests per {@code window} for each key (a user, an
 * address, a username), given back whole at the end of each window. The name keeps allowances with
 * the same keys apart and tags the metric of refusals.
 */
public record RateLimit(String name, int capacity, Duration window) {

  public RateLimit {
    if (capacity < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A rate limit needs a capacity and a window: " + name);
    }
  }
}
