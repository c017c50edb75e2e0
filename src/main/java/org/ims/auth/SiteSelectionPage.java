package org.ims.auth;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;

/** The site selection page, for users with several sites and no default among them. */
@Named
@ViewScoped
public class SiteSelectionPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One choice of the dropdown. */
  public record Option(Long id, String label) implements Serializable {}

  @Inject MembershipService memberships;
  @Inject SiteSelection selection;
  @Inject SiteContext context;
  @Inject WebSession web;

  private Long siteId;
  private boolean makeDefault;
  private String next;

  public List<Option> getSites() {
    return memberships.activeMemberships(web.userId()).stream()
        .map(m -> new Option(m.site().id(), m.site().name() + " (" + m.role() + ")"))
        .toList();
  }

  public void proceed() {
    Pages.attempt(
            null,
            () -> {
              Membership chosen = selection.switchTo(context.actor(), context.siteId(), siteId);
              if (makeDefault) {
                selection.makeDefault(context.actor(), siteId);
              }
              return chosen;
            })
        .ifPresent(
            chosen -> {
              web.useSite(chosen.site().id());
              Pages.flashInfo("You are working at " + chosen.site().name() + ".");
              Pages.redirect(AuthPages.safeNext(next));
            });
  }

  public Long getSiteId() {
    return siteId == null ? web.siteId() : siteId;
  }

  public void setSiteId(Long siteId) {
    this.siteId = siteId;
  }

  public boolean isMakeDefault() {
    return makeDefault;
  }

  public void setMakeDefault(boolean makeDefault) {
    this.makeDefault = makeDefault;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
