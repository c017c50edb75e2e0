package org.ims.site;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.InputValidator;
import org.ims.platform.Text;
import org.ims.platform.TextRules;

/**
 * Sites as a whole: everyone may list and read the sites they work at; global administrators see
 * every site and create, rename, describe, deactivate and reactivate them. A deactivated site
 * disappears from site selection; a member already working there can still read it, and every
 * change is refused (SITE_READ_ONLY, see {@link SiteContext#require}) until it is reactivated.
 */
@Stateless
public class SiteAdministration {

  @PersistenceContext EntityManager em;
  @Inject SiteContext context;
  @Inject MembershipService memberships;
  @Inject InputValidator validator;
  @Inject AuditLog audit;
  @Inject Event<SiteCreated> created;

  /** A site, with the caller's role there (null when they are not a member). */
  public record SiteView(Long id, String name, String description, boolean active, Role role) {}

  /** What a global administrator says about a site; blank text counts as none. */
  public record SiteDraft(
      @Text(required = true, max = 100, message = "Name the site.") String name,
      @Text(max = 2000, multiline = true) String description) {

    public SiteDraft {
      name = TextRules.clean(name);
      description = TextRules.clean(description);
    }
  }

  public List<SiteView> list() {
    Map<Long, Role> roles = memberships.rolesOf(context.userId());
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
    return view(visible(siteId), memberships.rolesOf(context.userId()));
  }

  /** A new site with the default interaction types; its creator administers it. */
  public SiteView create(SiteDraft draft) {
    context.requireGlobalAdmin("create sites");
    validate(draft, null, "The site was not created.");
    Site site = new Site(draft.name(), draft.description());
    em.persist(site);
    // The creator administers the new site, so that someone can add its users.
    memberships.add(context.userId(), site.id(), Role.ADMINISTRATOR, false);
    created.fire(new SiteCreated(site.id()));
    audit.change(AuditAction.SITE_CREATED, context.actor(), "Site", site.id(), null, values(site));
    return view(site, Map.of(site.id(), Role.ADMINISTRATOR));
  }

  public SiteView update(long siteId, SiteDraft draft) {
    context.requireGlobalAdmin("rename or describe sites");
    Site site = existing(siteId);
    validate(draft, site.id(), "The site was not changed.");
    Map<String, Object> old = values(site);
    site.describe(draft.name(), draft.description());
    audit.change(AuditAction.SITE_UPDATED, context.actor(), "Site", site.id(), old, values(site));
    return view(site, memberships.rolesOf(context.userId()));
  }

  public SiteView setActive(long siteId, boolean active) {
    context.requireGlobalAdmin(active ? "reactivate sites" : "deactivate sites");
    Site site = existing(siteId);
    if (!active && site.id().equals(context.siteId())) {
      throw new ApiException(
          ErrorCode.CONFLICT,
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
    return view(site, memberships.rolesOf(context.userId()));
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
    return context.notFound("Site", siteId, "There is no site " + siteId + " for you.");
  }

  private void validate(SiteDraft draft, Long exceptId, String message) {
    boolean taken =
        draft.name() != null
            && em.createQuery(
                        "SELECT count(s) FROM Site s"
                            + " WHERE lower(s.name) = lower(:name) AND s.id <> :id",
                        Long.class)
                    .setParameter("name", draft.name())
                    .setParameter("id", exceptId == null ? -1L : exceptId)
                    .getSingleResult()
                > 0;
    validator.require(
        draft,
        message,
        taken ? List.of(new FieldError("name", "Another site has this name.")) : List.of());
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
}
