package org.ims.interaction;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ims.platform.ApiException;
import org.ims.platform.KeyedLazyModel;
import org.ims.platform.Pages;
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
 * The Finder: the active site's interactions as a lazy table over {@link InteractionSearch}, the
 * service behind {@code GET /api/interactions}. What it shows is a {@link FinderState}, kept in the
 * page's URL (bookmarkable, and the back button steps through earlier searches).
 */
@Named("finder")
@ViewScoped
public class FinderPage implements Serializable {

  @Inject InteractionSearch interactions;
  @Inject InteractionTypeService typeService;
  @Inject SiteContext context;

  private static final String DEFAULT_SORT = "-startDateTime";

  /** The sorts the phone's menu offers, by the API's sort parameter. */
  private static final Map<String, String> SORT_CHOICES = new LinkedHashMap<>();

  static {
    SORT_CHOICES.put(DEFAULT_SORT, "Start, latest first");
    SORT_CHOICES.put("startDateTime", "Start, earliest first");
    SORT_CHOICES.put("title", "Title, A to Z");
    SORT_CHOICES.put("-title", "Title, Z to A");
    SORT_CHOICES.put("type", "Type, A to Z");
    SORT_CHOICES.put("lead", "Lead, A to Z");
    SORT_CHOICES.put("location", "Location, A to Z");
  }

  private FinderState state = new FinderState();
  private String sortChoice;
  private FinderColumns columns = new FinderColumns();
  private boolean filtersOpen;
  private InteractionSearch.Page result;
  private final LazyDataModel<FinderRow> model = new Rows();

  /** A search run for the table's count, whose rows the following load takes. */
  private record Prefetched(SearchCriteria criteria, InteractionSearch.Page page) {}

  private transient Prefetched prefetched;

  /** The state in the URL, read once when the page opens. */
  public void open() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    external.getRequestParameterValuesMap().forEach((name, v) -> parameters.put(name, List.of(v)));
    state = FinderState.of(parameters);
    if (state.getTz() == null) {
      // Dates are whole days in the user's zone; the page script also fills it in.
      Pages.browserZone().ifPresent(zone -> state.setTz(zone.getId()));
    }
    state.unreadable().forEach(Pages::error);
    filtersOpen = state.advancedFiltersSet();
    try {
      SearchCriteria.parse(parameters).warnings().forEach(Pages::warn);
    } catch (ApiException invalid) {
      Pages.show(invalid, null);
    }
    columns = FinderColumns.remembered(external);
  }

  /** A new search (typing pause, Enter, Apply): back to the first page. */
  public void apply() {
    try {
      state.criteria();
    } catch (ApiException invalid) {
      Pages.show(invalid, null);
      return;
    }
    state.showRows(0, state.getPageSize());
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("finder:table");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void clearAll() {
    state.clearFilters();
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
      criteria = state.criteria().withPage(1, InteractionExport.MAX_ROWS);
    } catch (ApiException invalid) {
      Pages.show(invalid, null);
      return;
    }
    SearchCriteria chosen = criteria;
    // A refused export (one that took too long, say) shows why on the page instead of a file.
    InteractionSearch.Page page =
        Pages.attempt("finder", () -> interactions.export(chosen)).orElse(null);
    if (page == null) {
      return;
    }
    byte[] file = InteractionExport.write(format, page.items());
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(format.mediaType);
    external.setResponseContentLength(file.length);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\""
            + InteractionExport.fileName(
                page.siteName(), criteria, InteractionExport.zoneOf(state.getTz()), format)
            + "\"");
    try {
      external.getResponseOutputStream().write(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  public void onColumnToggle(ToggleEvent event) {
    columns.toggle(
        (Integer) event.getData(),
        event.getVisibility() == Visibility.VISIBLE,
        FacesContext.getCurrentInstance().getExternalContext());
  }

  public boolean visible(String column) {
    return columns.visible(column);
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
    if (!state.filtered()) {
      return "Interactions (" + matched + " total)";
    }
    return "Interactions ("
        + matched
        + " filtered from "
        + number.format(result.unfilteredTotal())
        + ")";
  }

  public FinderState getState() {
    return state;
  }

  public boolean isFiltered() {
    return state.filtered();
  }

  public boolean isCanCreate() {
    return context.can(Role.EDITOR);
  }

  public List<String> getTypeOptions() {
    return typeService.activeTypes().stream().map(InteractionType::name).toList();
  }

  public List<SelectItem> getZoneOptions() {
    return TimeZones.options(
        TimeZones.current(Pages.browserZone().orElse(null)), state.getTimezone());
  }

  /** The zone From and To are days in, as the hint names it. */
  public String getZoneName() {
    return state.getTz() == null ? Pages.userZoneName() : state.getTz();
  }

  /** The phone's sort menu: the current sort, when it is one of {@link #getSortChoices}. */
  public String getSortChoice() {
    return state.getSort() == null ? DEFAULT_SORT : state.getSort();
  }

  public void setSortChoice(String choice) {
    this.sortChoice = choice;
  }

  /**
   * What phones sort by, where there are no column headings to click; a sort made on a wider screen
   * that is not among them is offered as it is.
   */
  public List<SelectItem> getSortChoices() {
    List<SelectItem> items = new ArrayList<>();
    SORT_CHOICES.forEach((value, label) -> items.add(new SelectItem(value, label)));
    if (!SORT_CHOICES.containsKey(getSortChoice())) {
      items.add(0, new SelectItem(getSortChoice(), "As sorted in the table"));
    }
    return items;
  }

  /** Sorts the table as the phone's menu says, from the first page. */
  public void applySortChoice() {
    List<SearchCriteria.SortKey> keys = SearchCriteria.sort(sortChoice, new ArrayList<>());
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent("finder:table");
    if (table == null) {
      return;
    }
    for (SortMeta meta : table.getSortByAsMap().values()) {
      int at = -1;
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).field().equals(meta.getField())) {
          at = i;
        }
      }
      if (at < 0) {
        meta.setOrder(SortOrder.UNSORTED);
      } else {
        meta.setOrder(keys.get(at).descending() ? SortOrder.DESCENDING : SortOrder.ASCENDING);
        meta.setPriority(at);
      }
    }
    state.setSort(sortChoice);
    state.showRows(0, state.getPageSize());
    table.setFirst(0);
  }

  /** The search as a query string: the URL of this state, and where the form returns to. */
  public String getQueryString() {
    return state.queryString();
  }

  /** The dataTable's initial sort, from the URL. */
  public List<SortMeta> getSortMeta() {
    List<SortMeta> meta = new ArrayList<>();
    List<SearchCriteria.SortKey> keys = SearchCriteria.sort(state.getSort(), new ArrayList<>());
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

  public int getFirst() {
    return state.firstRow();
  }

  public int getPageSize() {
    return state.getPageSize();
  }

  public boolean isFiltersOpen() {
    return filtersOpen;
  }

  public void setFiltersOpen(boolean filtersOpen) {
    this.filtersOpen = filtersOpen;
  }

  /** Reads one page per request: the total comes with it, so no separate count (see count()). */
  private final class Rows extends KeyedLazyModel<FinderRow> {

    Rows() {
      super(FinderRow::getId);
    }

    /**
     * The table asks for the count before the rows, to keep its first row within range. The search
     * answers both at once: the first time (a page opened at page 5 of its address) it runs here
     * and load() takes its rows; afterwards the last total serves, and load() sets the new one.
     */
    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (result == null) {
        SearchCriteria criteria = criteriaOrNull();
        InteractionSearch.Page page = criteria == null ? null : searchPage(criteria);
        prefetched = page == null ? null : new Prefetched(criteria, page);
        return prefetched == null ? 0 : rowCount(prefetched.page());
      }
      return rowCount(result);
    }

    @Override
    public List<FinderRow> load(
        int firstRow, int rows, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      state.showRows(firstRow, rows);
      state.setSort(sortParameter(sortBy));
      SearchCriteria criteria = criteriaOrNull();
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

    private SearchCriteria criteriaOrNull() {
      try {
        return state.criteria();
      } catch (ApiException invalid) {
        return null;
      }
    }

    /** A refused search (one that took too long, say) shows why, above an empty table. */
    private InteractionSearch.Page searchPage(SearchCriteria criteria) {
      try {
        return interactions.find(criteria);
      } catch (ApiException refused) {
        Pages.show(refused, null);
        return null;
      }
    }

    private int rowCount(InteractionSearch.Page page) {
      return (int) Math.min(Integer.MAX_VALUE, page.totalRecords());
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
}
