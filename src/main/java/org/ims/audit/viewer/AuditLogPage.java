package org.ims.audit.viewer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditEntry;
import org.ims.platform.Pages;
import org.ims.platform.ResultPage;

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

  private String user;
  private String action;
  private String entityType;
  private String from;
  private String to;
  private ResultPage<AuditEntry> page;
  private AuditTrail.Verification verdict;

  public boolean isAllowed() {
    return trail.canView();
  }

  public List<AuditEntry> getEntries() {
    return page().items();
  }

  public long getTotal() {
    return page().totalRecords();
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
    verdict = Pages.attempt(null, trail::verify).orElse(null);
  }

  private ResultPage<AuditEntry> page() {
    if (page == null) {
      Map<String, List<String>> filters = new HashMap<>();
      put(filters, "user", user);
      put(filters, "action", action);
      put(filters, "entityType", entityType);
      put(filters, "from", from);
      put(filters, "to", to);
      filters.put("pageSize", List.of(Integer.toString(MAX_ROWS)));
      page =
          Pages.attempt("filters", () -> trail.search(AuditQuery.parse(filters)))
              .orElse(new ResultPage<>(List.of(), 1, MAX_ROWS, 0));
    }
    return page;
  }

  private static void put(Map<String, List<String>> filters, String name, String value) {
    if (value != null && !value.isBlank()) {
      filters.put(name, List.of(value));
    }
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
