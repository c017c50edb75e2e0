package org.ims.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.ims.user.AccountSessions;

/** What user administration asks of sessions: they end when an account's access changes. */
@ApplicationScoped
public class AccountSessionRevoker implements AccountSessions {

  @Inject SessionService sessions;

  @Override
  public int endAll(Long userId, String reason) {
    return sessions.revokeAllOf(userId, reason);
  }
}
