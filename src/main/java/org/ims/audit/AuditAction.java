package org.ims.audit;

/**
 * What an audit entry records: security events and changes to data. Each action belongs to a
 * retention class in the database ({@code ims_audit_retention_class}, migration V5): a new action
 * needs a migration that names it there, or it is kept as a change.
 */
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
  PASSWORD_CHANGED,
  ACCESS_DENIED,
  NOT_FOUND_BY_ID,
  INTERACTION_CREATED,
  INTERACTION_UPDATED,
  INTERACTION_DELETED,
  INTERACTION_RESTORED,
  INTERACTION_PURGED,
  SEARCH,
  EXPORT,
  USER_CREATED,
  /** The first administrator and site of an empty installation, from its start-up settings. */
  FIRST_ADMINISTRATOR_CREATED,
  USER_UPDATED,
  USER_DEACTIVATED,
  USER_REACTIVATED,
  USER_UNLOCKED,
  PASSWORD_RESET,
  MEMBERSHIP_ADDED,
  MEMBERSHIP_ROLE_CHANGED,
  MEMBERSHIP_REMOVED,
  SITE_CREATED,
  SITE_UPDATED,
  SITE_DEACTIVATED,
  SITE_REACTIVATED,
  INTERACTION_TYPE_CREATED,
  INTERACTION_TYPE_RENAMED,
  INTERACTION_TYPES_REORDERED,
  INTERACTION_TYPE_RETIRED,
  INTERACTION_TYPE_REINSTATED,
  AUDIT_CHAIN_VERIFIED,
  /** The single chain of V4 split into the chains of V5 (written once, by the migration). */
  AUDIT_CHAIN_MIGRATED,
  /** One run of the retention job: what it removed or anonymised, and the chains' new starts. */
  RETENTION_RUN
}
