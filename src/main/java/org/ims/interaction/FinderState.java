package org.ims.interaction;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ims.platform.ApiException;
import org.ims.platform.QueryParameters;

/**
 * What the Finder shows, as its address says it: the query parameters of {@code GET
 * /api/interactions}, so that a bookmark, the back button and the REST API all mean the same
 * search. The page's inputs edit it; {@link #criteria()} reads it by the API's own rules.
 */
public final class FinderState implements Serializable {

  private static final long serialVersionUID = 1L;

  private String search;
  private String title;
  private String lead;
  private String location;
  private List<String> types = new ArrayList<>();
  private String timezone;
  private LocalDate from;
  private LocalDate to;
  private String tz;
  private String createdBy;
  private String sort;
  private int page = 1;
  private int pageSize = QueryParameters.DEFAULT_PAGE_SIZE;

  /** Dates the address gave that are not dates: ignored, and said so. */
  private final List<String> unreadable = new ArrayList<>();

  /** The state an address describes; values the API would refuse are kept for it to refuse. */
  public static FinderState of(Map<String, List<String>> parameters) {
    FinderState state = new FinderState();
    state.search = single(parameters, "search");
    state.title = single(parameters, "title");
    state.lead = single(parameters, "lead");
    state.location = single(parameters, "location");
    state.types = new ArrayList<>(parameters.getOrDefault("type", List.of()));
    state.timezone = single(parameters, "timezone");
    state.from = state.date(parameters, "from");
    state.to = state.date(parameters, "to");
    state.tz = single(parameters, "tz");
    state.createdBy = single(parameters, "createdBy");
    state.sort = single(parameters, "sort");
    // Read by the API's rules; what they refuse stays at its default (the page says why).
    QueryParameters paging = new QueryParameters(parameters);
    state.page = paging.page();
    state.pageSize = paging.pageSize();
    return state;
  }

  /** The search by the API's rules; 400 (an {@link ApiException}) for what they refuse. */
  public SearchCriteria criteria() {
    return SearchCriteria.parse(parameters(true));
  }

  /** Whether anything narrows the site's interactions: the API's own answer to that. */
  public boolean filtered() {
    try {
      return criteria().filtered();
    } catch (ApiException invalid) {
      return true;
    }
  }

  /** Only the filters go: search and filters empty, sort and page size kept, first page. */
  public void clearFilters() {
    search = null;
    title = null;
    lead = null;
    location = null;
    types = new ArrayList<>();
    timezone = null;
    from = null;
    to = null;
    createdBy = null;
    page = 1;
  }

  /** Whether the advanced filters (everything but the global search) hold anything. */
  public boolean advancedFiltersSet() {
    return present(title)
        || present(lead)
        || present(location)
        || !types.isEmpty()
        || present(timezone)
        || present(createdBy)
        || from != null
        || to != null;
  }

  /**
   * The parameters, named as the REST API names them. The first page and the default page size are
   * left out of the address unless asked for.
   */
  public Map<String, List<String>> parameters(boolean withPage) {
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
    put(state, "createdBy", createdBy);
    put(state, "sort", sort);
    if (withPage || page > 1) {
      put(state, "page", Integer.toString(page));
    }
    if (withPage || pageSize != QueryParameters.DEFAULT_PAGE_SIZE) {
      put(state, "pageSize", Integer.toString(pageSize));
    }
    return state;
  }

  /** The address's query string of this state (without the first page and default size). */
  public String queryString() {
    return parameters(false).entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
  }

  /** The page that begins with row {@code first} (from 0) at {@code rows} per page. */
  public void showRows(int first, int rows) {
    pageSize = rows;
    page = first / rows + 1;
  }

  /** The first row (from 0) of the page shown. */
  public int firstRow() {
    return (page - 1) * pageSize;
  }

  public List<String> unreadable() {
    return List.copyOf(unreadable);
  }

  private LocalDate date(Map<String, List<String>> parameters, String name) {
    String value = single(parameters, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      unreadable.add("The " + name + " date in the address is not a date (yyyy-mm-dd); ignored.");
      return null;
    }
  }

  private static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() || !present(values.get(0)) ? null : values.get(0);
  }

  private static void put(Map<String, List<String>> state, String name, String value) {
    if (present(value)) {
      state.put(name, List.of(value.trim()));
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // The inputs of the page edit these.

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

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public int getPage() {
    return page;
  }

  public int getPageSize() {
    return pageSize;
  }
}
