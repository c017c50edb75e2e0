package org.ims.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's allowances (spec §6.3.1), per window and configurable (see the configuration table in
 * README.md): every request per user and per address, writes on top of that, and sign-in attempts
 * per address and per username.
 */
@ApplicationScoped
public class RateLimitSettings {

  @Inject
  @ConfigProperty(name = "ims.rate-limit.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.window", defaultValue = "PT1M")
  String window;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.per-user", defaultValue = "100")
  int perUser;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.per-ip", defaultValue = "100")
  int perIp;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.writes-per-user", defaultValue = "30")
  int writesPerUser;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.writes-per-ip", defaultValue = "30")
  int writesPerIp;

  @Inject
  @ConfigProperty(name = "ims.auth.rate-limit.per-ip", defaultValue = "10")
  int loginsPerIp;

  @Inject
  @ConfigProperty(name = "ims.auth.rate-limit.per-username", defaultValue = "10")
  int loginsPerUsername;

  @Inject
  @ConfigProperty(name = "ims.rate-limit.cache-manager", defaultValue = "payara/CacheManager")
  String cacheManager;

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
    return cacheManager;
  }
}
