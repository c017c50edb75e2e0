/**
 * Benchmarks: programs run by hand against a running server, printing figures (latency percentiles,
 * throughput). They measure; they assert nothing and are not part of the test run.
 */
package org.ims.bench;
