package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
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

/**
 * The top bar of every page: the active site, a menu of the user's other sites that switches as
 * soon as one is chosen, and the user menu. It also answers for a page that was opened at another
 * site than the one the session now works at ({@link SiteOfPage}): what to say, and switching back.
 */
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
  private boolean switchedBack;

  public List<SiteSelectionPage.Option> getSites() {
    return memberships().stream()
        .map(m -> new SiteSelectionPage.Option(m.site().id(), m.site().name()))
        .toList();
  }

  /** The sites the menu offers to switch to: every active one of the user's but this one. */
  public List<SiteSelectionPage.Option> getOtherSites() {
    return getSites().stream().filter(s -> !s.id().equals(context.siteId())).toList();
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
    switchTo(siteId);
  }

  /** Works at that site from now on, and starts there: its Finder. */
  public void switchTo(Long target) {
    if (target == null || target.equals(context.siteId())) {
      return;
    }
    Pages.attempt(null, () -> selection.switchTo(context.actor(), context.siteId(), target))
        .ifPresent(
            chosen -> {
              web.useSite(chosen.site().id());
              Pages.flashInfo("You are now working at " + chosen.site().name() + ".");
              Pages.redirect(Pages.HOME);
            });
  }

  /**
   * Whether this page was opened at another site than the session works at now: a request from it
   * did nothing ({@link SiteOfPage}), and the page offers to switch back. Also true while the
   * switch back is being decoded, so that its button's action runs.
   */
  public boolean isPageSiteChanged() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Long opened = SiteOfPage.siteOfView(faces);
    return !switchedBack
        && faces.isPostback()
        && opened != null
        && !opened.equals(context.siteId());
  }

  /** The site the page was opened at, when it is not the session's any more. */
  public String getPageSiteName() {
    return SiteOfPage.siteNameOfView(FacesContext.getCurrentInstance());
  }

  /**
   * Back to the site the page was opened at, staying on the page with what was typed in it: the
   * user then repeats the step that was refused (for example Save).
   */
  public void switchBack() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Long target = SiteOfPage.siteOfView(faces);
    if (target == null || target.equals(context.siteId())) {
      return;
    }
    Pages.attempt(null, () -> selection.switchTo(context.actor(), context.siteId(), target))
        .ifPresent(
            chosen -> {
              web.useSite(chosen.site().id());
              switchedBack = true;
              Pages.info(
                  "You are working at "
                      + chosen.site().name()
                      + " again. Nothing was saved or changed yet: do it once more (for example,"
                      + " press Save).");
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
