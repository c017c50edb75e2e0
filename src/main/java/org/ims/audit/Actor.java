package org.ims.audit;

import org.ims.platform.CurrentRequest;

/** Who did it, at which site, from where, in which request. */
public record Actor(Long userId, String username, Long siteId, String ipAddress, String requestId) {

  /** Someone acting in the current request, identified or not (e.g. a failed login). */
  public static Actor of(Long userId, String username, Long siteId) {
    return new Actor(userId, username, siteId, CurrentRequest.clientAddress(), CurrentRequest.id());
  }
}
