/** The audit trail: who did what, when, from where, with old and new values of changed data. */
package org.ims.audit;
