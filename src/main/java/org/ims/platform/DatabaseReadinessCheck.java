package org.ims.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers. Schema migration has finished by then: it runs during
 * deployment, and a failed one stops the application from deploying at all.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 3;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      return response.status(connection.isValid(TIMEOUT_SECONDS)).build();
    } catch (SQLException | RuntimeException e) {
      // The reason, not the stack trace: readiness is public.
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
