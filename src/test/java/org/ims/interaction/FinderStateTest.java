package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ims.platform.ApiException;
import org.junit.jupiter.api.Test;

class FinderStateTest {

  private static FinderState of(String... pairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      parameters.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return FinderState.of(parameters);
  }

  @Test
  void anEmptyAddressIsTheWholeSiteOnItsFirstPage() {
    FinderState state = of();
    assertFalse(state.filtered());
    assertEquals("", state.queryString());
    assertEquals(0, state.firstRow());
    assertEquals(25, state.getPageSize());
  }

  @Test
  void theAddressRoundTripsWithTheApisParameterNames() {
    FinderState state =
        of(
            "search", "budget review",
            "type", "Meeting",
            "type", "Call",
            "from", "2026-03-01",
            "tz", "Europe/London",
            "createdBy", "editor",
            "sort", "-lead",
            "page", "3",
            "pageSize", "50");
    assertEquals(
        "search=budget+review&type=Meeting&type=Call&from=2026-03-01&tz=Europe%2FLondon"
            + "&createdBy=editor&sort=-lead&page=3&pageSize=50",
        state.queryString());
    assertEquals(100, state.firstRow());
    SearchCriteria criteria = state.criteria();
    assertEquals(List.of("Meeting", "Call"), criteria.types());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), criteria.from());
    assertEquals("editor", criteria.createdBy());
    assertEquals(3, criteria.page());
  }

  @Test
  void everyFilterTheApiKnowsCountsAsFiltered() {
    assertTrue(of("createdBy", "editor").filtered(), "createdBy narrows the site too");
    assertTrue(of("timezone", "Europe/Paris").filtered());
    assertTrue(of("search", "x").filtered());
    assertFalse(of("sort", "title", "page", "2").filtered(), "sort and page do not filter");
  }

  @Test
  void advancedFiltersAreEverythingButTheGlobalSearch() {
    assertFalse(of("search", "x").advancedFiltersSet());
    assertTrue(of("lead", "Amelia").advancedFiltersSet());
  }

  @Test
  void aDateThatIsNotADateIsIgnoredAndSaid() {
    FinderState state = of("from", "yesterday", "title", "x");
    assertEquals(1, state.unreadable().size());
    assertEquals("title=x", state.queryString());
  }

  @Test
  void whatTheApiRefusesTheStateRefusesToo() {
    assertThrows(ApiException.class, () -> of("timezone", "Mars/Olympus").criteria());
    assertTrue(of("timezone", "Mars/Olympus").filtered(), "something is typed in the filters");
  }

  @Test
  void clearingKeepsSortAndPageSizeAndGoesBackToTheFirstPage() {
    FinderState state =
        of("title", "x", "createdBy", "me", "sort", "lead", "pageSize", "10", "page", "4");
    state.clearFilters();
    assertEquals("sort=lead&pageSize=10", state.queryString());
  }

  @Test
  void theTablesRowsBecomeAPage() {
    FinderState state = of();
    state.showRows(40, 20);
    assertEquals("page=3&pageSize=20", state.queryString());
    state.setFrom(LocalDate.of(2026, 1, 2));
    state.setTz("Europe/Paris");
    assertEquals("from=2026-01-02&tz=Europe%2FParis&page=3&pageSize=20", state.queryString());
  }
}
