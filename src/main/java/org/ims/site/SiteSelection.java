package org.ims.site;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.ims.audit.Actor;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditLog;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;

/**
 * A user choosing the site they work at, or the one they start at: allowed only for their own
 * active memberships; refusals are security events. Shared by the REST API and the pages.
 */
@Stateless
public class SiteSelection {

  @Inject MembershipService memberships;
  @Inject AuditLog audit;

  /** The user's membership of that site, audited as a switch from {@code fromSiteId}. */
  public Membership switchTo(Actor actor, Long fromSiteId, Long siteId) {
    Membership target = memberOf(actor, siteId);
    Map<String, Object> details = new HashMap<>();
    details.put("fromSite", fromSiteId);
    details.put("toSite", siteId);
    audit.securityEvent(AuditAction.SITE_SWITCHED, actor, details);
    return target;
  }

  public void makeDefault(Actor actor, Long siteId) {
    memberships.makeDefault(memberOf(actor, siteId));
    audit.securityEvent(AuditAction.DEFAULT_SITE_CHANGED, actor, Map.of("site", siteId));
  }

  private Membership memberOf(Actor actor, Long siteId) {
    if (siteId == null) {
      throw ApiException.invalid("Name the site by its id.", "siteId", "Name the site by its id.");
    }
    return memberships
        .activeMembership(actor.userId(), siteId)
        .orElseThrow(
            () -> {
              audit.securityEvent(
                  AuditAction.SITE_ACCESS_DENIED, actor, Map.of("requestedSite", siteId));
              return new ApiException(ErrorCode.FORBIDDEN, "You are not a member of that site.");
            });
  }
}
