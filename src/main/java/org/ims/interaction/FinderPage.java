package org.ims.interaction;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ims.auth.Pages;
import org.ims.platform.ApiException;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.ToggleEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.Visibility;

/**
 * The Finder (spec §7.4.3, §7.4.4): the active site's interactions as a lazy table over {@link
 * InteractionSearch}, the service behind {@code GET /api/interactions}. Its state is the REST API's
 * query parameters, kept in the page's URL (bookmarkable, and the back button steps through earlier
 * searches) and parsed by the same {@link SearchCriteria} rules.
 */
@Named("finder")
@ViewScoped
public class FinderPage implements Serializable {

  /** Column keys in table order; also the API's sort field names. */
  static final List<String> COLUMNS =
      List.of(
          "title",
          "type",
          "lead",
          "startDateTime",
          "endDateTime",
          "timezone",
          "location",
          "description",
          "notes");

  private static final String HIDDEN_COLUMNS_COOKIE = "ims-finder-hidden";

  @Inject InteractionSearch interactions;
  @Inject InteractionTypeService typeService;
  @Inject SiteContext context;

  private String search;
  private String title;
  private String lead;
  private String location;
  private List<String> types = new ArrayList<>();
  private String timezone;
  private LocalDate from;
  private LocalDate to;
  private String tz;
  private String sort;
  private int first;
  private int pageSize = SearchCriteria.DEFAULT_PAGE_SIZE;
  private boolean filtersOpen;
  private InteractionSearch.Page result;
  private Set<String> hidden = new LinkedHashSet<>();
  private final LazyDataModel<FinderRow> model = new Rows();

  /** A search run for the table's count, whose rows the following load takes. */
  private record Prefetched(SearchCriteria criteria, InteractionSearch.Page page) {}

  private transient Prefetched prefetched;

  /** The state in the URL, read once when the page opens. */
  public void open() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Map<String, String[]> parameters = external.getRequestParameterValuesMap();
    search = single(parameters, "search");
    title = single(parameters, "title");
    lead = single(parameters, "lead");
    location = single(parameters, "location");
    types = parameters.containsKey("type") ? List.of(parameters.get("type")) : new ArrayList<>();
    timezone = single(parameters, "timezone");
    from = date(parameters, "from");
    to = date(parameters, "to");
    tz = single(parameters, "tz");
    sort = single(parameters, "sort");
    filtersOpen = title != null || lead != null || location != null || !types.isEmpty();
    filtersOpen |= timezone != null || from != null || to != null;
    try {
      Map<String, List<String>> asGiven = new LinkedHashMap<>();
      parameters.forEach((name, values) -> asGiven.put(name, List.of(values)));
      SearchCriteria criteria = SearchCriteria.parse(asGiven);
      pageSize = criteria.pageSize();
      first = (criteria.page() - 1) * pageSize;
      criteria.warnings().forEach(Pages::warn);
    } catch (ApiException invalid) {
      showProblems(invalid);
    }
    Object cookie = external.getRequestCookieMap().get(HIDDEN_COLUMNS_COOKIE);
    if (cookie instanceof jakarta.servlet.http.Cookie c && !c.getValue().isBlank()) {
      hidden = new LinkedHashSet<>(List.of(c.getValue().split("\\.")));
      hidden.retainAll(COLUMNS);
    }
  }

  /** A new search (typing pause, Enter, Apply): back to the first page. */
  public void apply() {
    try {
      SearchCriteria.parse(state(false));
    } catch (ApiException invalid) {
      showProblems(invalid);
      return;
    }
    first = 0;
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("finder:table");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void clearAll() {
    search = null;
    title = null;
    lead = null;
    location = null;
    types = new ArrayList<>();
    timezone = null;
    from = null;
    to = null;
    apply();
  }

  public void exportCsv() {
    export(InteractionExport.Format.CSV);
  }

  public void exportExcel() {
    export(InteractionExport.Format.XLSX);
  }

  private void export(InteractionExport.Format format) {
    SearchCriteria criteria;
    try {
      criteria = SearchCriteria.parse(state(false)).withPage(1, InteractionExport.MAX_ROWS);
    } catch (ApiException invalid) {
      showProblems(invalid);
      return;
    }
    InteractionSearch.Page page = interactions.export(criteria);
    byte[] file = InteractionExport.write(format, page.items());
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(format.mediaType);
    external.setResponseContentLength(file.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + InteractionExport.fileName(page.siteName(), criteria, format)
            + "\"");
    try {
      external.getResponseOutputStream().write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /** The column chooser: remembered in a cookie, so the choice survives sessions. */
  public void onColumnToggle(ToggleEvent event) {
    String column = COLUMNS.get((Integer) event.getData());
    if (event.getVisibility() == Visibility.VISIBLE) {
      hidden.remove(column);
    } else {
      hidden.add(column);
    }
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .addResponseCookie(
            HIDDEN_COLUMNS_COOKIE,
            String.join(".", hidden),
            Map.of("maxAge", 365 * 24 * 3600, "path", "/", "httpOnly", true, "sameSite", "Lax"));
  }

  public boolean visible(String column) {
    return !hidden.contains(column);
  }

  public LazyDataModel<FinderRow> getModel() {
    return model;
  }

  /** "Interactions (125 total)", "28 filtered from 125", "1,000+ filtered from 200,000". */
  public String getSummary() {
    if (result == null) {
      return "Interactions";
    }
    NumberFormat number = NumberFormat.getIntegerInstance(Locale.UK);
    String matched = number.format(result.totalRecords()) + (result.totalExact() ? "" : "+");
    if (!filtered()) {
      return "Interactions (" + matched + " total)";
    }
    return "Interactions ("
        + matched
        + " filtered from "
        + number.format(result.unfilteredTotal())
        + ")";
  }

  public boolean isFiltered() {
    return filtered();
  }

  private boolean filtered() {
    return search != null && !search.isBlank()
        || title != null && !title.isBlank()
        || lead != null && !lead.isBlank()
        || location != null && !location.isBlank()
        || !types.isEmpty()
        || timezone != null && !timezone.isBlank()
        || from != null
        || to != null;
  }

  public boolean isCanCreate() {
    return context.role().atLeast(Role.EDITOR);
  }

  public List<String> getTypeOptions() {
    return typeService.activeTypes().stream().map(InteractionType::name).toList();
  }

  public List<String> getZoneOptions() {
    return TimeZones.REGIONS;
  }

  /** The search as a query string: the URL of this state, and where the form returns to. */
  public String getQueryString() {
    return state(true).entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
  }

  /** The dataTable's initial sort, from the URL. */
  public List<SortMeta> getSortMeta() {
    List<SortMeta> meta = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<SearchCriteria.SortKey> keys = SearchCriteria.sort(sort, warnings);
    for (int i = 0; i < keys.size(); i++) {
      meta.add(
          SortMeta.builder()
              .field(keys.get(i).field())
              .order(keys.get(i).descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING)
              .priority(i)
              .build());
    }
    return meta;
  }

  /** The parameters of the current state, named as the REST API names them. */
  private Map<String, List<String>> state(boolean withPage) {
    Map<String, List<String>> state = new LinkedHashMap<>();
    put(state, "search", search);
    put(state, "title", title);
    put(state, "lead", lead);
    put(state, "location", location);
    if (!types.isEmpty()) {
      state.put("type", List.copyOf(types));
    }
    put(state, "timezone", timezone);
    put(state, "from", from == null ? null : from.toString());
    put(state, "to", to == null ? null : to.toString());
    if (from != null || to != null) {
      put(state, "tz", tz);
    }
    put(state, "sort", sort);
    int page = first / pageSize + 1;
    if (withPage || page > 1) {
      put(state, "page", page == 1 ? null : Integer.toString(page));
    }
    if (pageSize != SearchCriteria.DEFAULT_PAGE_SIZE) {
      put(state, "pageSize", Integer.toString(pageSize));
    }
    return state;
  }

  private static void put(Map<String, List<String>> state, String name, String value) {
    if (value != null && !value.isBlank()) {
      state.put(name, List.of(value.trim()));
    }
  }

  private static String single(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 || values[0].isBlank() ? null : values[0];
  }

  private static LocalDate date(Map<String, String[]> parameters, String name) {
    String value = single(parameters, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      Pages.error("The " + name + " date in the address is not a date (yyyy-mm-dd); ignored.");
      return null;
    }
  }

  private static void showProblems(ApiException invalid) {
    if (invalid.details().isEmpty()) {
      Pages.error(invalid.getMessage());
    }
    invalid.details().forEach(d -> Pages.error(d.field() + ": " + d.message()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Reads one page per request: the total comes with it, so no separate count (see count()). */
  private final class Rows extends LazyDataModel<FinderRow> {

    /**
     * The table asks for the count before the rows, to keep its first row within range. The search
     * answers both at once: the first time (a page opened at page 5 of its address) it runs here
     * and load() takes its rows; afterwards the last total serves, and load() sets the new one.
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (result == null) {
        try {
          SearchCriteria criteria = SearchCriteria.parse(state(false));
          InteractionSearch.Page page = searchPage(criteria);
          prefetched = page == null ? null : new Prefetched(criteria, page);
        } catch (ApiException invalid) {
          prefetched = null;
        }
        return prefetched == null ? 0 : rowCount(prefetched.page());
      }
      return rowCount(result);
    }

    @Override
    public List<FinderRow> load(
        int firstRow, int rows, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      first = firstRow;
      pageSize = rows;
      sort = sortParameter(sortBy);
      SearchCriteria criteria;
      try {
        criteria = SearchCriteria.parse(state(false));
      } catch (ApiException invalid) {
        criteria = null;
      }
      result =
          prefetched != null && prefetched.criteria().equals(criteria)
              ? prefetched.page()
              : criteria == null ? null : searchPage(criteria);
      prefetched = null;
      if (result == null) {
        setRowCount(0);
        return List.of();
      }
      setRowCount(rowCount(result));
      FacesContext faces = FacesContext.getCurrentInstance();
      if (faces.getPartialViewContext().isAjaxRequest()) {
        PrimeFaces.current()
            .executeScript("IMS.finder.remember(" + Json.createValue(getQueryString()) + ")");
      }
      return result.items().stream().map(FinderRow::new).toList();
    }

    private InteractionSearch.Page searchPage(SearchCriteria criteria) {
      try {
        return interactions.find(criteria);
      } catch (ApiException invalid) {
        return null;
      }
    }

    private int rowCount(InteractionSearch.Page page) {
      return (int) Math.min(Integer.MAX_VALUE, page.totalRecords());
    }

    @Override
    public String getRowKey(FinderRow row) {
      return Long.toString(row.getId());
    }

    @Override
    public FinderRow getRowData(String rowKey) {
      return getWrappedData() == null
          ? null
          : getWrappedData().stream()
              .filter(r -> getRowKey(r).equals(rowKey))
              .findFirst()
              .orElse(null);
    }
  }

  private static String sortParameter(Map<String, SortMeta> sortBy) {
    if (sortBy == null || sortBy.isEmpty()) {
      return null;
    }
    return sortBy.values().stream()
        .filter(m -> m.getOrder() != SortOrder.UNSORTED)
        .sorted(Comparator.comparingInt(SortMeta::getPriority))
        .map(m -> (m.getOrder() == SortOrder.DESCENDING ? "-" : "") + m.getField())
        .collect(Collectors.joining(","));
  }

  // Accessors of the inputs.

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getLead() {
    return lead;
  }

  public void setLead(String lead) {
    this.lead = lead;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public List<String> getTypes() {
    return types;
  }

  public void setTypes(List<String> types) {
    this.types = types == null ? new ArrayList<>() : new ArrayList<>(types);
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
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

  public String getTz() {
    return tz;
  }

  public void setTz(String tz) {
    this.tz = tz;
  }

  public int getFirst() {
    return first;
  }

  public int getPageSize() {
    return pageSize;
  }

  public boolean isFiltersOpen() {
    return filtersOpen;
  }

  public void setFiltersOpen(boolean filtersOpen) {
    this.filtersOpen = filtersOpen;
  }
}
