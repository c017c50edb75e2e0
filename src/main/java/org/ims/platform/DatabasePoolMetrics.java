package org.ims.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Use of this server's connection pool, for the capacity alerts (70% and 90%, docs/operations.md).
 * Payara does not expose the pool's own statistics portably, so they are read from PostgreSQL: the
 * sessions of the application's role and name ({@code ApplicationName=ims}, see {@link Database})
 * coming from this server's address. A connection running a statement or inside a transaction is in
 * use; one waiting in the pool is idle (the connection reading the figures counts as idle). Two
 * servers on one host and one database are counted together.
 */
@ApplicationScoped
public class DatabasePoolMetrics {

  private static final String SQL =
      """
      SELECT count(*) FILTER (WHERE state <> 'idle' AND pid <> pg_backend_pid()),
             count(*) FILTER (WHERE state = 'idle' OR pid = pg_backend_pid())
        FROM pg_stat_activity
       WHERE usename = current_user
         AND datname = current_database()
         AND application_name = current_setting('application_name')
         AND client_addr IS NOT DISTINCT FROM inet_client_addr()
      """;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject MetricRegistry registry;

  /** At deployment, so that the gauges are there from the first scrape. */
  void register(@Observes Startup startup) {
    DatabaseReading pool = new DatabaseReading(dataSource, SQL, s -> {}, Duration.ofSeconds(5));
    Metadata connections =
        Metadata.builder()
            .withName("ims.db.connections")
            .withDescription("Connections of this server's pool: in_use or idle")
            .build();
    registry.gauge(connections, () -> pool.get(0), new Tag("state", "in_use"));
    registry.gauge(connections, () -> pool.get(1), new Tag("state", "idle"));
    int max = Database.class.getAnnotation(DataSourceDefinition.class).maxPoolSize();
    registry.gauge(
        Metadata.builder()
            .withName("ims.db.connections.max")
            .withDescription("Most connections the pool opens")
            .build(),
        () -> max);
  }
}
