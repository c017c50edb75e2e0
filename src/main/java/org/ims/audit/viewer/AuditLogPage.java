package org.ims.audit.viewer;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ims.audit.AuditAction;
import org.ims.audit.AuditEntry;
import org.ims.platform.ApiException;
import org.ims.platform.KeyedLazyModel;
import org.ims.platform.Pages;
import org.ims.platform.ResultPage;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log page (admin/audit.xhtml): the same filters, reach and paging as {@code GET
 * /api/audit}, every matching entry a page at a time, and the chain check. Entries read as people
 * read them: times in the reader's zone, sites by name, addresses in their short form, stored
 * values as "name: value" lines and changes as "name: old → new" ({@link AuditText}).
 */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditTrail trail;

  private String user;
  private String action;
  private String entityType;
  private LocalDate from;
  private LocalDate to;
  private long total;

  /** The total of the filters as they are, known once a page was read; null after a change. */
  private Long counted;

  private AuditTrail.Verification verdict;
  private final LazyDataModel<Row> model = new Rows();

  /** One entry as the page shows it. */
  public record Row(
      long id,
      String when,
      String user,
      String site,
      String action,
      String entity,
      String address,
      List<String> change,
      List<String> details)
      implements Serializable {}

  public boolean isAllowed() {
    return trail.canView();
  }

  public LazyDataModel<Row> getModel() {
    return model;
  }

  public long getTotal() {
    return total;
  }

  public String getZoneName() {
    return Pages.userZoneName();
  }

  public List<String> getActions() {
    return Arrays.stream(AuditAction.values()).map(Enum::name).sorted().toList();
  }

  /** A new filter: the table starts again at its first page (it is updated with it). */
  public void find() {
    counted = null;
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent("filters:entries")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public void verify() {
    verdict = Pages.attempt(null, trail::verify).orElse(null);
  }

  private AuditQuery query(int page, int pageSize) {
    Map<String, List<String>> filters = new HashMap<>();
    put(filters, "user", user);
    put(filters, "action", action);
    put(filters, "entityType", entityType);
    // Days in the reader's zone, as the page says.
    ZoneId zone = Pages.userZone();
    put(
        filters,
        "from",
        from == null ? null : from.atStartOfDay(zone).toOffsetDateTime().toString());
    put(
        filters,
        "to",
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString());
    filters.put("page", List.of(Integer.toString(page)));
    filters.put("pageSize", List.of(Integer.toString(pageSize)));
    return AuditQuery.parse(filters);
  }

  private static void put(Map<String, List<String>> filters, String name, String value) {
    if (value != null && !value.isBlank()) {
      filters.put(name, List.of(value));
    }
  }

  /** One page per request, through the same search as the API (at most 100 rows a page). */
  private final class Rows extends KeyedLazyModel<Row> {

    Rows() {
      super(Row::id);
    }

    private static final long serialVersionUID = 1L;

    /**
     * The table asks for the count before the rows. Each page brings the total with it, so only a
     * new filter needs a count of its own (refusals are shown once, by load).
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (counted == null) {
        try {
          counted = trail.search(query(1, 1)).totalRecords();
        } catch (ApiException refused) {
          counted = 0L;
        }
      }
      return (int) Math.min(Integer.MAX_VALUE, counted);
    }

    @Override
    public List<Row> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      int size = Math.max(1, Math.min(100, pageSize));
      ResultPage<AuditEntry> page =
          Pages.attempt("filters", () -> trail.search(query(first / size + 1, size)))
              .orElse(new ResultPage<>(List.of(), 1, size, 0));
      total = page.totalRecords();
      counted = total;
      setRowCount((int) Math.min(Integer.MAX_VALUE, total));
      Set<Long> sites = new HashSet<>();
      for (AuditEntry entry : page.items()) {
        if (entry.siteId() != null) {
          sites.add(entry.siteId());
        }
      }
      Map<Long, String> siteNames = trail.siteNames(sites);
      AuditText.Names names =
          new AuditText.Names(
              id -> siteNames.getOrDefault(id, "site " + id), instant -> Pages.exactTime(instant));
      return page.items().stream().map(e -> row(e, names, siteNames)).toList();
    }
  }

  private static Row row(AuditEntry e, AuditText.Names names, Map<Long, String> siteNames) {
    String site =
        e.siteId() == null ? "\u2013" : siteNames.getOrDefault(e.siteId(), "site " + e.siteId());
    String entity =
        e.entityType() == null
            ? ""
            : e.entityType() + (e.entityId() == null ? "" : " " + e.entityId());
    return new Row(
        e.id(),
        Pages.exactTime(e.occurredAt()),
        e.username() == null ? "\u2013" : e.username(),
        site,
        e.action(),
        entity,
        AuditText.address(e.ipAddress()),
        e.oldValues() == null && e.newValues() == null
            ? List.of()
            : AuditText.change(e.oldValues(), e.newValues(), names),
        AuditText.lines(e.details(), names));
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

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
