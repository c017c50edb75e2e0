package org.ims.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's allowances, per window and configurable (docs/deployment.md): every request per user
 * and per address, writes on top of that, and sign-in attempts per address and per username.
 */
@ApplicationScoped
public class RateLimitSettings {

  @Inject
  @ConfigProperty(name = "ims.rate-limit.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.window")
  String window;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.per-user")
  int perUser;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.per-ip")
  int perIp;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.writes-per-user")
  int writesPerUser;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.writes-per-ip")
  int writesPerIp;

  @Inject
  @ConfigProperty(name = "ims.auth.rate-limit.per-ip")
  int loginsPerIp;

  @Inject
  @ConfigProperty(name = "ims.auth.rate-limit.per-username")
  int loginsPerUsername;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.cache-manager")
  // Optional: an empty value is "no value" to some servers' MicroProfile Config (Liberty's).
  Optional<String> cacheManager;

  private RateLimit requestsPerUser;
  private RateLimit requestsPerIp;
  private RateLimit writesPerUserLimit;
  private RateLimit writesPerIpLimit;
  private RateLimit loginsPerIpLimit;
  private RateLimit loginsPerUsernameLimit;

  @PostConstruct
  void init() {
    Duration length = Duration.parse(window);
    requestsPerUser = new RateLimit("requests-per-user", perUser, length);
    requestsPerIp = new RateLimit("requests-per-ip", perIp, length);
    writesPerUserLimit = new RateLimit("writes-per-user", writesPerUser, length);
    writesPerIpLimit = new RateLimit("writes-per-ip", writesPerIp, length);
    loginsPerIpLimit = new RateLimit("logins-per-ip", loginsPerIp, length);
    loginsPerUsernameLimit = new RateLimit("logins-per-username", loginsPerUsername, length);
  }

  /** Off only where a gateway in front of every server already enforces the same allowances. */
  public boolean enabled() {
    return enabled;
  }

  public RateLimit requestsPerUser() {
    return requestsPerUser;
  }

  public RateLimit requestsPerIp() {
    return requestsPerIp;
  }

  public RateLimit writesPerUser() {
    return writesPerUserLimit;
  }

  public RateLimit writesPerIp() {
    return writesPerIpLimit;
  }

  public RateLimit loginsPerIp() {
    return loginsPerIpLimit;
  }

  public RateLimit loginsPerUsername() {
    return loginsPerUsernameLimit;
  }

  /** The window of every allowance: an idle bucket is full again after it. */
  public Duration window() {
    return requestsPerUser.window();
  }

  /** JNDI name of the cluster's JCache manager; empty to count in each server's memory. */
  public String cacheManagerJndiName() {
    return cacheManager.map(String::strip).orElse("");
  }
}
