/**
 * The integration-test harness: one PostgreSQL and one Payara Micro with the built WAR for the
 * whole failsafe run ({@link org.ims.testing.TestEnvironment}), and a small HTTP client for the
 * tests.
 */
package org.ims.testing;
