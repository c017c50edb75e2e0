package org.ims.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.site.SiteAdministration;
import org.ims.site.SiteContext;

/**
 * The first administrator and the first site of an empty installation, from the start-up settings
 * {@code ims.bootstrap.*} (see {@link FirstStart}): a global administrator who is ADMINISTRATOR of
 * the new site, which gets the default interaction types like every new site. It acts only while no
 * account exists, so the settings can stay in place: later starts, and every other server of the
 * installation, find the account and do nothing.
 *
 * <p>One transaction, under a PostgreSQL advisory lock held until it ends: servers starting at once
 * queue on the lock, and each one after the first finds the account the first committed. The site
 * is created the way a global administrator creates one ({@link SiteAdministration#create}), so it
 * starts with what every site starts with, and its creator (the new account) administers it.
 */
@Stateless
public class FirstAdministrator {

  /** The advisory lock's key: any constant no other part of the application uses. */
  private static final long LOCK = 0x1A5_B007L;

  /**
   * How long a server waits for another one that is creating the first administrator: longer than
   * the statement timeout of requests, since a busy machine may start several servers at once.
   */
  private static final String LOCK_WAIT = "120s";

  @PersistenceContext EntityManager em;
  @Inject UserDirectory users;
  @Inject PasswordHasher hasher;
  @Inject SiteAdministration sites;
  @Inject SiteContext context;
  @Inject InputValidator validator;
  @Inject AuditLog audit;

  /**
   * The settings, as read at start-up. Each field's problem is reported under its property's name
   * ({@link #PROPERTIES}).
   */
  public record Settings(
      @NotNull(message = "Choose the first administrator's username.")
          @Pattern(regexp = AccountRules.USERNAME, message = AccountRules.USERNAME_RULE)
          String username,
      @NotNull(message = "Enter the first administrator's email address.")
          @Size(max = AccountRules.EMAIL_MAX, message = AccountRules.EMAIL_RULE)
          @Pattern(regexp = AccountRules.EMAIL, message = AccountRules.EMAIL_RULE)
          String email,
      @NotNull(message = "Name the first site.") String site,
      String passwordFile) {

    public Settings {
      username = trimmed(username);
      email = trimmed(email);
      site = trimmed(site);
      passwordFile = trimmed(passwordFile);
    }

    private static String trimmed(String value) {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  /** The setting each field of {@link Settings} (and the site's name) comes from. */
  public static final Map<String, String> PROPERTIES =
      Map.of(
          "username", "ims.bootstrap.username",
          "email", "ims.bootstrap.email",
          "site", "ims.bootstrap.site",
          "name", "ims.bootstrap.site",
          "description", "ims.bootstrap.site",
          "passwordFile", "ims.bootstrap.password-file");

  /**
   * What was created: the account and site, and the one-time password when none was given (to be
   * shown once; it is stored only as its hash).
   */
  public record Created(
      Long userId, String username, Long siteId, String siteName, String oneTimePassword) {}

  /** Whether any account exists; no lock, for a start that has nothing to create. */
  public boolean anyUser() {
    return em.createQuery("SELECT count(u) FROM User u", Long.class).getSingleResult() > 0;
  }

  /**
   * Creates the first administrator and site unless an account exists (then empty). Refuses
   * (VALIDATION_ERROR, every problem at once) settings that would make a bad account; nothing is
   * stored then.
   */
  public Optional<Created> createIfNoUser(Settings settings) {
    em.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
        .setParameter(1, LOCK_WAIT)
        .getSingleResult();
    em.createNativeQuery("SELECT set_config('statement_timeout', ?1, true)")
        .setParameter(1, LOCK_WAIT)
        .getSingleResult();
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, LOCK)
        .getSingleResult();
    if (anyUser()) {
      return Optional.empty();
    }
    List<FieldError> problems = new ArrayList<>();
    String password = password(settings, problems);
    validator.require(settings, "The first administrator was not created.", problems);

    boolean generated = settings.passwordFile() == null;
    // Forced change at the first sign-in, also for a password from a file: whoever set up the
    // server knows that one, the administrator chooses their own.
    User user =
        users.add(
            new User(
                settings.username(), settings.email(), hasher.hash(password.toCharArray()), true));
    user.grantGlobalAdmin();
    context.establishWithoutSite(
        new SiteContext.Caller(user.id(), user.username(), true, null, true));
    SiteAdministration.SiteView site =
        sites.create(new SiteAdministration.SiteDraft(settings.site(), null));

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("username", user.username());
    values.put("email", user.email());
    values.put("globalAdmin", true);
    values.put("site", site.id());
    values.put("role", "ADMINISTRATOR");
    values.put("mustChangePassword", true);
    values.put("password", generated ? "generated one-time password" : "from the password file");
    values.put("source", "start-up settings ims.bootstrap.*");
    audit.change(
        AuditAction.FIRST_ADMINISTRATOR_CREATED, context.actor(), "User", user.id(), null, values);
    return Optional.of(
        new Created(
            user.id(), user.username(), site.id(), site.name(), generated ? password : null));
  }

  /** The password of the file, or a generated one-time password; a problem when unusable. */
  static String password(Settings settings, List<FieldError> problems) {
    if (settings.passwordFile() == null) {
      return TemporaryPassword.generate();
    }
    String password;
    try {
      password = Files.readString(Path.of(settings.passwordFile()), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      problems.add(
          new FieldError(
              "passwordFile",
              "Cannot read "
                  + settings.passwordFile()
                  + " ("
                  + e.getClass().getSimpleName()
                  + ")."));
      return "";
    }
    // A file written with echo or an editor ends with a line break that is no part of it.
    password = password.replaceFirst("(\\r?\\n)+$", "");
    PasswordPolicy.violations(password, settings.username())
        .forEach(p -> problems.add(new FieldError("passwordFile", p)));
    return password;
  }
}
