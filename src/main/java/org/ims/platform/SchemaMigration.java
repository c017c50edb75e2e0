package org.ims.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application starts, before any request is served.
 *
 * <p>Migrations run as the schema owner ({@code db.migration.user}), not as the application role,
 * because the application role must own nothing for row-level security to apply to it. A failing
 * migration throws from here, which fails the deployment: the application never runs against a
 * schema it does not expect.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  @Inject
  @ConfigProperty(name = "db.user")
  String appUser;

  @Inject
  @ConfigProperty(name = "db.password")
  String appPassword;

  @Inject
  @ConfigProperty(name = "db.migration.user")
  Optional<String> ownerUser;

  @Inject
  @ConfigProperty(name = "db.migration.password")
  Optional<String> ownerPassword;

  /** Only the embedded default sets this; production never loads demo data. */
  @Inject
  @ConfigProperty(name = "ims.demo-data")
  boolean demoData;

  @PostConstruct
  void migrate() {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    if (demoData) {
      locations.add("classpath:db/demo");
    }
    Flyway flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(url, ownerUser.orElse(appUser), ownerPassword.orElse(appPassword))
            .locations(locations.toArray(String[]::new))
            .placeholders(Map.of("app_user", appUser))
            .failOnMissingLocations(true)
            .load();
    try {
      MigrateResult result = flyway.migrate();
      LOG.info(
          () ->
              "Database schema at version "
                  + (result.targetSchemaVersion != null
                      ? result.targetSchemaVersion
                      : flyway.info().current().getVersion())
                  + " ("
                  + result.migrationsExecuted
                  + " migration(s) applied now"
                  + (demoData ? ", demo data enabled" : "")
                  + ")");
    } catch (FlywayException e) {
      LOG.log(
          Level.SEVERE,
          "DATABASE MIGRATION FAILED, the application will not start: " + e.getMessage());
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
