package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;
import org.ims.user.User;
import org.ims.user.UserDirectory;

/** The top bar of every page: the active site with a switcher, and the user menu. */
@Named
@RequestScoped
public class TopBar {

  @Inject MembershipService memberships;
  @Inject SiteSelection selection;
  @Inject SessionService sessions;
  @Inject SiteContext context;
  @Inject WebSession web;
  @Inject HttpServletRequest request;
  @Inject UserDirectory users;

  private Long siteId;
  private List<Membership> sites;

  public List<SiteSelectionPage.Option> getSites() {
    return memberships().stream()
        .map(m -> new SiteSelectionPage.Option(m.site().id(), m.site().name()))
        .toList();
  }

  public boolean isSeveralSites() {
    return memberships().size() > 1;
  }

  public String getSiteName() {
    return context.siteName();
  }

  public String getRole() {
    return context.role().name();
  }

  /** Shows the administration pages of the active site in the user menu. */
  public boolean isAdministrator() {
    return context.can(Role.ADMINISTRATOR);
  }

  public boolean isGlobalAdmin() {
    return context.globalAdmin();
  }

  public String getUsername() {
    return context.username();
  }

  public String getEmail() {
    return users.find(context.userId()).map(User::email).orElse("");
  }

  public void switchSite() {
    if (siteId == null || siteId.equals(context.siteId())) {
      return;
    }
    Pages.attempt(null, () -> selection.switchTo(context.actor(), context.siteId(), siteId))
        .ifPresent(
            chosen -> {
              web.useSite(chosen.site().id());
              Pages.flashInfo("You are now working at " + chosen.site().name() + ".");
              Pages.redirect(Pages.HOME);
            });
  }

  public void logout() {
    sessions.logout(web.sessionId(), context.actor());
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Pages.redirect(AuthPages.LOGIN + "?loggedOut=true");
  }

  private List<Membership> memberships() {
    if (sites == null) {
      sites = memberships.activeMemberships(context.userId());
    }
    return sites;
  }

  public Long getSiteId() {
    return siteId == null ? context.siteId() : siteId;
  }

  public void setSiteId(Long siteId) {
    this.siteId = siteId;
  }
}
