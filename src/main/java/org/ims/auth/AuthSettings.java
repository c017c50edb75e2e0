package org.ims.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The authentication rules an operator can tune (see the configuration table in README.md). */
@ApplicationScoped
public class AuthSettings {

  @Inject
  @ConfigProperty(name = "ims.auth.max-failed-attempts", defaultValue = "5")
  int maxFailedAttempts;

  @Inject
  @ConfigProperty(name = "ims.auth.lock-duration", defaultValue = "PT15M")
  String lockDuration;

  @Inject
  @ConfigProperty(name = "ims.auth.password-max-age", defaultValue = "P90D")
  String passwordMaxAge;

  @Inject
  @ConfigProperty(name = "ims.auth.password-history", defaultValue = "5")
  int passwordHistory;

  @Inject
  @ConfigProperty(name = "ims.auth.bcrypt-cost", defaultValue = "12")
  int bcryptCost;

  @Inject
  @ConfigProperty(name = "ims.auth.token-lifetime", defaultValue = "PT24H")
  String tokenLifetime;

  @Inject
  @ConfigProperty(name = "ims.auth.refresh-token-lifetime", defaultValue = "P7D")
  String refreshTokenLifetime;

  @Inject
  @ConfigProperty(name = "ims.auth.web-session-lifetime", defaultValue = "PT12H")
  String webSessionLifetime;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  public int maxFailedAttempts() {
    return maxFailedAttempts;
  }

  public Duration lockDuration() {
    return Duration.parse(lockDuration);
  }

  public Duration passwordMaxAge() {
    return Duration.parse(passwordMaxAge);
  }

  public int passwordHistory() {
    return passwordHistory;
  }

  public int bcryptCost() {
    return bcryptCost;
  }

  public Duration tokenLifetime() {
    return Duration.parse(tokenLifetime);
  }

  public Duration refreshTokenLifetime() {
    return Duration.parse(refreshTokenLifetime);
  }

  public Duration webSessionLifetime() {
    return Duration.parse(webSessionLifetime);
  }

  public String issuer() {
    return issuer;
  }
}
