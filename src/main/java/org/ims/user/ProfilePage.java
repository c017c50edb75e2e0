package org.ims.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;

/**
 * The signed-in user's own profile ("My profile" in the user menu): who they are, their sites and
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
  @Inject UserDirectory users;

  private List<Membership> sites;
  private Long defaultSiteId;

  public String getUsername() {
    return context.username();
  }

  public String getEmail() {
    return users.find(context.userId()).map(User::email).orElse("");
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
    if (!Pages.attempt(null, () -> selection.makeDefault(context.actor(), defaultSiteId))) {
      return;
    }
    String name =
        memberships().stream()
            .filter(m -> m.site().id().equals(defaultSiteId))
            .map(m -> m.site().name())
            .findFirst()
            .orElseThrow();
    Pages.flashInfo(name + " is now your default site: you start there when you log in.");
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
