/**
 * Cross-cutting plumbing shared by every capability: the JAX-RS application, the datasource and
 * schema migration at start-up, the error envelope and its single exception mapper, request ids and
 * the access log, and the readiness check. Nothing here knows about interactions, sites or users.
 */
package org.ims.platform;
