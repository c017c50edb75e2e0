package org.ims.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ims.platform.ApiException;

/**
 * At every start, once the schema is migrated: creates the first administrator and site from the
 * settings {@code ims.bootstrap.*} while no account exists ({@link FirstAdministrator}), or says in
 * the log how to. Standard Jakarta EE and MicroProfile Config only, so it works alike on every
 * server. Settings that cannot make a valid account stop the deployment, like a failed migration:
 * an installation nobody can sign in to should not look ready.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstStart {

  private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

  @Inject FirstAdministrator first;
  @Inject RequestContextController requestContext;

  @Inject
  @ConfigProperty(name = "ims.bootstrap.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "ims.bootstrap.email")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "ims.bootstrap.site")
  Optional<String> site;

  @Inject
  @ConfigProperty(name = "ims.bootstrap.password-file")
  Optional<String> passwordFile;

  @PostConstruct
  void bootstrap() {
    if (username.isEmpty()) {
      if (!first.anyUser()) {
        LOG.warning(
            "No account exists yet, so nobody can sign in. Set ims.bootstrap.username,"
                + " ims.bootstrap.email and ims.bootstrap.site (and ims.bootstrap.password-file)"
                + " and start again to create the first administrator; see docs/deployment.md.");
      }
      return;
    }
    FirstAdministrator.Settings settings =
        new FirstAdministrator.Settings(
            username.get(), email.orElse(null), site.orElse(null), passwordFile.orElse(null));
    // The site context the creation works in is request-scoped; a start-up callback has no request.
    requestContext.activate();
    try {
      first.createIfNoUser(settings).ifPresentOrElse(FirstStart::report, FirstStart::skipped);
    } catch (ApiException refused) {
      String problems =
          refused.details().stream()
              .map(
                  d ->
                      FirstAdministrator.PROPERTIES.getOrDefault(d.field(), d.field())
                          + ": "
                          + d.message())
              .distinct()
              .collect(Collectors.joining(" "));
      LOG.log(
          Level.SEVERE,
          "FIRST ADMINISTRATOR NOT CREATED, the application will not start: " + problems);
      throw new IllegalStateException("First administrator not created: " + problems, refused);
    } finally {
      requestContext.deactivate();
    }
  }

  private static void report(FirstAdministrator.Created created) {
    if (created.oneTimePassword() == null) {
      LOG.warning(
          () ->
              "First administrator "
                  + created.username()
                  + " created, ADMINISTRATOR of the new site "
                  + created.siteName()
                  + ", with the password of ims.bootstrap.password-file. Sign in and choose a new"
                  + " password; the file is no longer needed.");
      return;
    }
    // The only time the application writes a password to the log: nobody could sign in otherwise.
    // It works once, for the first sign-in, which must replace it.
    LOG.warning(
        () ->
            "First administrator "
                + created.username()
                + " created, ADMINISTRATOR of the new site "
                + created.siteName()
                + ". One-time password (shown only this once): "
                + created.oneTimePassword()
                + " . Sign in now and choose a new password.");
  }

  private static void skipped() {
    LOG.info(
        "ims.bootstrap.* ignored: accounts exist (the first administrator was created before).");
  }
}
