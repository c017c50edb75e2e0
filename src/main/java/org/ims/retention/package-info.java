/**
 * Retention: the one scheduled job that removes or anonymises what is past its period — the audit
 * trail's sign-in and activity records, login attempts, ended sessions and refresh tokens, deleted
 * interactions — on one server of a cluster at a time, in bounded batches, with metrics and an
 * audit entry per run. Above every capability, because it runs each one's part.
 */
package org.ims.retention;
