/**
 * The embedded default: a real PostgreSQL from Maven Central binaries and a Payara Micro process
 * running the WAR. {@link org.ims.devserver.DevServer} is what {@code mvn -Prun package} starts;
 * the integration-test harness starts the same two pieces.
 */
package org.ims.devserver;
