package org.ims.audit;

/** What an audit entry records (spec §6.4 "Audit Logging"). */
public enum AuditAction {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_REFUSED_LOCKED,
  ACCOUNT_LOCKED,
  LOGOUT,
  REFRESH_TOKEN_REUSED,
  SITE_SWITCHED,
  SITE_ACCESS_DENIED,
  DEFAULT_SITE_CHANGED,
  PASSWORD_CHANGED
}
