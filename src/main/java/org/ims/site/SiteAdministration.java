package org.ims.site;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.user.User;

/**
 * Sites as a whole: everyone may list and read the sites they work at; global administrators see
 * every site and create, rename, describe, deactivate and reactivate them. A deactivated site
 * disappears from site selection; a member already working there can still read it, and every
 * change is refused (SITE_READ_ONLY, see {@link SiteContext#require}) until it is reactivated.
 */
@Stateless
public class SiteAdministration {

  /** The types a new site starts with, as on the demo sites; its administrators adapt them. */
  static final List<String> DEFAULT_TYPES =
      List.of("Meeting", "Call", "Email", "Update", "Review", "Training", "Other");

  private static final int NAME_MAX = 100;
  private static final int DESCRIPTION_MAX = 2000;

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject AuditLog audit;

  /** A site, with the caller's role there (null when they are not a member). */
  public record SiteView(Long id, String name, String description, boolean active, Role role) {}

  public List<SiteView> list() {
    Map<Long, Role> roles = myRoles();
    if (context.globalAdmin()) {
      return em.createQuery("SELECT s FROM Site s ORDER BY lower(s.name)", Site.class)
          .getResultStream()
          .map(s -> view(s, roles))
          .toList();
    }
    return memberships.activeMemberships(context.userId()).stream()
        .map(m -> view(m.site(), roles))
        .toList();
  }

  public SiteView get(long siteId) {
    return view(visible(siteId), myRoles());
  }

  public SiteView create(String name, String description) {
    context.requireGlobalAdmin("create sites");
    String cleanName = trimmed(name);
    String cleanDescription = trimmed(description);
    validate(cleanName, cleanDescription, null, "The site was not created.");
    Site site = new Site(cleanName, cleanDescription);
    em.persist(site);
    // The creator administers the new site, so that someone can add its users.
    em.persist(
        new Membership(em.find(User.class, context.userId()), site, Role.ADMINISTRATOR, false));
    em.flush();
    // Row-level security admits rows of the transaction's site only: the new site, for this
    // insert; no other statement of this call touches site-owned data.
    em.createNativeQuery("SELECT set_config('app.site_id', ?1, true)")
        .setParameter(1, site.id().toString())
        .getSingleResult();
    for (int i = 0; i < DEFAULT_TYPES.size(); i++) {
      em.createNativeQuery(
              "INSERT INTO interaction_types (site_id, name, position) VALUES (?1, ?2, ?3)")
          .setParameter(1, site.id())
          .setParameter(2, DEFAULT_TYPES.get(i))
          .setParameter(3, i + 1)
          .executeUpdate();
    }
    audit.change(AuditAction.SITE_CREATED, context.actor(), "Site", site.id(), null, values(site));
    return view(site, Map.of(site.id(), Role.ADMINISTRATOR));
  }

  public SiteView update(long siteId, String name, String description) {
    context.requireGlobalAdmin("rename or describe sites");
    Site site = existing(siteId);
    String cleanName = trimmed(name);
    String cleanDescription = trimmed(description);
    validate(cleanName, cleanDescription, site.id(), "The site was not changed.");
    Map<String, Object> old = values(site);
    site.describe(cleanName, cleanDescription);
    audit.change(AuditAction.SITE_UPDATED, context.actor(), "Site", site.id(), old, values(site));
    return view(site, myRoles());
  }

  public SiteView setActive(long siteId, boolean active) {
    context.requireGlobalAdmin(active ? "reactivate sites" : "deactivate sites");
    Site site = existing(siteId);
    if (!active && site.id().equals(context.siteId())) {
      throw new ApiException(
          409,
          "CONFLICT",
          "You are working at " + site.name() + ": switch to another site before deactivating it.");
    }
    if (site.active() != active) {
      site.setActive(active);
      audit.change(
          active ? AuditAction.SITE_REACTIVATED : AuditAction.SITE_DEACTIVATED,
          context.actor(),
          "Site",
          site.id(),
          Map.of("active", !active),
          Map.of("active", active));
    }
    return view(site, myRoles());
  }

  /** Global administrators see every site; others their active sites only, else 404. */
  private Site visible(long siteId) {
    if (context.globalAdmin()) {
      return existing(siteId);
    }
    return memberships
        .activeMembership(context.userId(), siteId)
        .map(Membership::site)
        .orElseThrow(() -> notFound(siteId));
  }

  private Site existing(long siteId) {
    return Optional.ofNullable(em.find(Site.class, siteId)).orElseThrow(() -> notFound(siteId));
  }

  private ApiException notFound(long siteId) {
    audit.securityEvent(
        AuditAction.NOT_FOUND_BY_ID, context.actor(), Map.of("entity", "Site", "id", siteId));
    return new ApiException(404, "NOT_FOUND", "There is no site " + siteId + " for you.");
  }

  private void validate(String name, String description, Long exceptId, String message) {
    List<FieldError> problems = new ArrayList<>();
    if (name == null) {
      problems.add(new FieldError("name", "Name the site."));
    } else if (name.length() > NAME_MAX) {
      problems.add(new FieldError("name", "Use at most " + NAME_MAX + " characters."));
    } else if (em.createQuery(
                "SELECT count(s) FROM Site s WHERE lower(s.name) = lower(:name) AND s.id <> :id",
                Long.class)
            .setParameter("name", name)
            .setParameter("id", exceptId == null ? -1L : exceptId)
            .getSingleResult()
        > 0) {
      problems.add(new FieldError("name", "Another site has this name."));
    }
    if (description != null && description.length() > DESCRIPTION_MAX) {
      problems.add(
          new FieldError("description", "Use at most " + DESCRIPTION_MAX + " characters."));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(400, "VALIDATION_ERROR", message, problems);
    }
  }

  private Map<Long, Role> myRoles() {
    Map<Long, Role> roles = new LinkedHashMap<>();
    em.createQuery("SELECT m FROM Membership m WHERE m.user.id = :user", Membership.class)
        .setParameter("user", context.userId())
        .getResultStream()
        .forEach(m -> roles.put(m.site().id(), m.role()));
    return roles;
  }

  private static SiteView view(Site site, Map<Long, Role> roles) {
    return new SiteView(
        site.id(), site.name(), site.description(), site.active(), roles.get(site.id()));
  }

  private static Map<String, Object> values(Site site) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", site.name());
    values.put("description", site.description());
    return values;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
