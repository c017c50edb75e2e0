package org.ims.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. Connection settings come from MicroProfile Config ({@code
 * db.url}, {@code db.user}, {@code db.password}; environment variables {@code DB_URL}, {@code
 * DB_USER}, {@code DB_PASSWORD}), so the same WAR runs against any PostgreSQL 14+.
 *
 * <p>The definition is the standard annotation with constant values only, so every server reads it
 * the same way; the connection settings are read by {@link BoundedDataSource} itself. The {@code
 * fish.payara.*} properties tune Payara's pool (validation on checkout, all connections dropped at
 * the first failure); other servers ignore them and use their own pool's recovery
 * (docs/deployment.md).
 *
 * <p>Every connection carries the statement timeout ({@link BoundedDataSource}). A request that
 * finds all 32 connections in use waits for one at most 10 seconds (the max wait below), then
 * fails; docs/deployment.md describes both bounds.
 *
 * <p>This pool connects as the application role, which owns no table: row-level security applies to
 * it. Schema migrations use separate owner credentials (see {@link SchemaMigration}).
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "org.ims.platform.BoundedDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      // A restarted database leaves dead connections in the pool: validate on checkout and
      // drop them all at the first failure, so the pool recovers by itself.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000",
      "connectTimeout=5",
      "loginTimeout=5",
      "ApplicationName=ims"
    })
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/ims";
}
