package org.ims.user;

/**
 * Ends the open sessions of an account, web and API alike, when its access changes (deactivated,
 * password reset). Sessions are the auth capability's, which builds on accounts: it implements
 * this, so that account administration needs nothing from it.
 */
public interface AccountSessions {

  /** Ends every open session of the user, within the caller's transaction; returns how many. */
  int endAll(Long userId, String reason);
}
