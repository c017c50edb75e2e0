package org.ims.auth;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * A logged-in browser: who, which server-side session (revocable like an API session), and the
 * active site. Holds ids only; every page request re-checks them against the database.
 */
@Named
@SessionScoped
public class WebSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private Long userId;
  private UUID sessionId;
  private Long siteId;

  void begin(Long userId, UUID sessionId, Long siteId) {
    this.userId = userId;
    this.sessionId = sessionId;
    this.siteId = siteId;
  }

  public void useSite(Long siteId) {
    this.siteId = siteId;
  }

  public boolean isLoggedIn() {
    return sessionId != null;
  }

  public Long userId() {
    return userId;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public Long siteId() {
    return siteId;
  }
}
