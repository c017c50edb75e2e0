package org.ims.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.auth.Pages;
import org.ims.platform.ApiException;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;

/**
 * The signed-in user's own profile (spec §7.2, §7.4.7 "My Profile"): who they are, their sites and
 * roles, and the site they start at. The default is changed through the same service as {@code POST
 * /api/auth/default-site}, so the membership check and the audit entry are the same.
 */
@Named
@RequestScoped
public class ProfilePage {

  static final String PATH = "/profile.xhtml";

  /** One of the user's sites as the page lists it. */
  public record SiteRow(
      Long siteId, String name, String role, boolean defaultSite, boolean current) {}

  @Inject MembershipService memberships;
  @Inject SiteSelection selection;
  @Inject SiteContext context;

  private List<Membership> sites;
  private Long defaultSiteId;

  public String getUsername() {
    return context.username();
  }

  public String getEmail() {
    return memberships().get(0).user().email();
  }

  public List<SiteRow> getSites() {
    return memberships().stream()
        .map(
            m ->
                new SiteRow(
                    m.site().id(),
                    m.site().name(),
                    m.role().name(),
                    m.defaultSite(),
                    m.site().id().equals(context.siteId())))
        .toList();
  }

  /** With one site there is nothing to choose: it is where every login starts. */
  public boolean isSeveralSites() {
    return memberships().size() > 1;
  }

  public boolean isDefaultChosen() {
    return memberships().stream().anyMatch(Membership::defaultSite);
  }

  public void saveDefaultSite() {
    try {
      selection.makeDefault(context.actor(), defaultSiteId);
    } catch (ApiException refused) {
      Pages.error(refused.getMessage());
      return;
    }
    String name =
        memberships().stream()
            .filter(m -> m.site().id().equals(defaultSiteId))
            .map(m -> m.site().name())
            .findFirst()
            .orElseThrow();
    Pages.info(name + " is now your default site: you start there when you log in.");
    // Redirect after the POST, so that a reload shows the stored default rather than resending.
    Pages.redirect(PATH);
  }

  public Long getDefaultSiteId() {
    if (defaultSiteId != null) {
      return defaultSiteId;
    }
    return memberships().stream()
        .filter(Membership::defaultSite)
        .map(m -> m.site().id())
        .findFirst()
        .orElse(context.siteId());
  }

  public void setDefaultSiteId(Long defaultSiteId) {
    this.defaultSiteId = defaultSiteId;
  }

  private List<Membership> memberships() {
    if (sites == null) {
      sites = memberships.activeMemberships(context.userId());
    }
    return sites;
  }
}
