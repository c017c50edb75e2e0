/**
 * Writing the audit trail: who did what, when, from where, with old and new values of changed data.
 * Every capability records through {@link org.ims.audit.AuditLog}; reading the trail is {@code
 * org.ims.audit.viewer}'s.
 */
package org.ims.audit;
