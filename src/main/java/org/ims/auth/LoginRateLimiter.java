package org.ims.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.ims.platform.RateLimit;
import org.ims.platform.RateLimitSettings;
import org.ims.platform.RateLimiter;

/**
 * The sign-in allowances: N attempts per window per username, whatever the address, so that
 * guessing one account's password from many addresses is slow; and, for the login page, per client
 * address (the REST sign-in routes are counted per address by {@code ApiRateLimitFilter}, against
 * the same allowance).
 */
@ApplicationScoped
public class LoginRateLimiter {

  @Inject RateLimiter limiter;
  @Inject RateLimitSettings limits;

  public void checkAddress(String clientAddress) {
    if (clientAddress != null) {
      take(limits.loginsPerIp(), clientAddress);
    }
  }

  public void checkUsername(String username) {
    if (username != null && !username.isBlank()) {
      take(limits.loginsPerUsername(), username.trim().toLowerCase(Locale.ROOT));
    }
  }

  private void take(RateLimit limit, String key) {
    RateLimiter.Decision decision = limiter.take(limit, key);
    if (!decision.allowed()) {
      throw decision.refusal("Too many authentication attempts.");
    }
  }
}
