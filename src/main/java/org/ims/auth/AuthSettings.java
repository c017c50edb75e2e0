package org.ims.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The authentication rules an operator can tune (docs/deployment.md, "Configuration"). */
@ApplicationScoped
public class AuthSettings {

  @Inject
  @ConfigProperty(name = "ims.auth.max-failed-attempts")
  int maxFailedAttempts;

  @Inject
  @ConfigProperty(name = "ims.auth.lock-duration")
  String lockDuration;

  @Inject
  @ConfigProperty(name = "ims.auth.password-max-age")
  String passwordMaxAge;

  @Inject
  @ConfigProperty(name = "ims.auth.password-history")
  int passwordHistory;

  @Inject
  @ConfigProperty(name = "ims.auth.token-lifetime")
  String tokenLifetime;

  @Inject
  @ConfigProperty(name = "ims.auth.refresh-token-lifetime")
  String refreshTokenLifetime;

  @Inject
  @ConfigProperty(name = "ims.auth.web-session-lifetime")
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
