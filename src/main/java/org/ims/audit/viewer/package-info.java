/**
 * Reading the audit trail and checking its hash chain, for administrators: the REST API and the
 * audit log page. Built on sites (who administers what decides what one sees), unlike the writer in
 * {@code org.ims.audit}, which every capability uses.
 */
package org.ims.audit.viewer;
