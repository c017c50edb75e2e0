package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.ims.platform.ApiException;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;

/** The top bar of every page (spec §7.4.7): the active site with a switcher, the user menu. */
@Named
@RequestScoped
public class TopBar {

  @Inject MembershipService memberships;
  @Inject SiteSelection selection;
  @Inject SessionService sessions;
  @Inject SiteContext context;
  @Inject WebSession web;
  @Inject HttpServletRequest request;

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
    return context.role() == Role.ADMINISTRATOR;
  }

  public boolean isGlobalAdmin() {
    return context.globalAdmin();
  }

  public String getUsername() {
    return context.username();
  }

  public String getEmail() {
    return memberships().get(0).user().email();
  }

  public void switchSite() {
    if (siteId == null || siteId.equals(context.siteId())) {
      return;
    }
    try {
      Membership chosen = selection.switchTo(context.actor(), context.siteId(), siteId);
      web.useSite(chosen.site().id());
      Pages.info("You are now working at " + chosen.site().name() + ".");
      Pages.redirect(Pages.HOME);
    } catch (ApiException refused) {
      Pages.error(refused.getMessage());
    }
  }

  public void logout() {
    sessions.logout(web.sessionId(), context.actor());
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    Pages.redirect(Pages.LOGIN + "?loggedOut=true");
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
