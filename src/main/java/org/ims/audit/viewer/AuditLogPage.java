package org.ims.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.ims.platform.ApiException;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;

/**
 * The audit log page (admin/audit.xhtml): the same filters and reach as {@code GET /api/audit}, the
 * newest {@value #MAX_ROWS} matches, and the chain check.
 */
@Named
@RequestScoped
public class AuditLogPage {

  static final int MAX_ROWS = 100;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject AuditTrail trail;
  @Inject SiteContext context;
  @Inject MembershipService memberships;

  private String user;
  private String action;
  private String entityType;
  private String from;
  private String to;
  private AuditTrail.Page page;
  private AuditTrail.Verification verdict;

  public boolean isAllowed() {
    return context.globalAdmin() || !memberships.administeredSiteIds(context.userId()).isEmpty();
  }

  public List<AuditEntry> getEntries() {
    return page() == null ? List.of() : page().items();
  }

  public long getTotal() {
    return page() == null ? 0 : page().totalRecords();
  }

  public List<String> getActions() {
    return Arrays.stream(AuditAction.values()).map(Enum::name).sorted().toList();
  }

  public String time(AuditEntry entry) {
    return TIME.format(entry.occurredAt());
  }

  public void find() {
    page = null;
  }

  public void verify() {
    try {
      verdict = trail.verify();
    } catch (ApiException refused) {
      error(null, refused.getMessage());
    }
  }

  private AuditTrail.Page page() {
    if (page == null) {
      MultivaluedMap<String, String> filters = new MultivaluedHashMap<>();
      put(filters, "user", user);
      put(filters, "action", action);
      put(filters, "entityType", entityType);
      put(filters, "from", from);
      put(filters, "to", to);
      filters.putSingle("pageSize", Integer.toString(MAX_ROWS));
      try {
        page = trail.search(AuditQuery.parse(filters));
      } catch (ApiException refused) {
        if (refused.details().isEmpty()) {
          error(null, refused.getMessage());
        }
        refused.details().forEach(d -> error("filters:" + d.field(), d.message()));
        return null;
      }
    }
    return page;
  }

  private static void put(MultivaluedMap<String, String> filters, String name, String value) {
    if (value != null && !value.isBlank()) {
      filters.putSingle(name, value);
    }
  }

  private static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public AuditTrail.Verification getVerdict() {
    return verdict;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getEntityType() {
    return entityType;
  }

  public void setEntityType(String entityType) {
    this.entityType = entityType;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
