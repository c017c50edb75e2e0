package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

  @Test
  void nothingAskedMeansEverythingNewestFirstTwentyFiveAPage() {
    SearchCriteria all = SearchCriteria.parse(Map.of());
    assertEquals(List.of(new SearchCriteria.SortKey("startDateTime", true)), all.sort());
    assertEquals(1, all.page());
    assertEquals(25, all.pageSize());
    assertEquals(false, all.filtered());
  }

  @Test
  void unknownParametersAreIgnored() {
    assertEquals(false, SearchCriteria.parse(Map.of("colour", List.of("red"))).filtered());
  }

  @Test
  void severalSortFieldsWithDirections() {
    SearchCriteria c = SearchCriteria.parse(Map.of("sort", List.of("lead,-startDateTime,+title")));
    assertEquals(
        List.of(
            new SearchCriteria.SortKey("lead", false),
            new SearchCriteria.SortKey("startDateTime", true),
            new SearchCriteria.SortKey("title", false)),
        c.sort());
  }

  @Test
  void anUnknownSortFieldFallsBackToTheDefaultWithAWarning() {
    SearchCriteria c = SearchCriteria.parse(Map.of("sort", List.of("lead,password")));
    assertEquals(SearchCriteria.DEFAULT_SORT, c.sort());
    assertTrue(c.warnings().get(0).contains("password"));
  }

  @Test
  void pageSizeOverTheMaximumIsRefusedLikeOnEveryList() {
    ApiException e =
        assertThrows(
            ApiException.class, () -> SearchCriteria.parse(Map.of("pageSize", List.of("500"))));
    assertEquals("pageSize", e.details().get(0).field());
    assertEquals(100, SearchCriteria.parse(Map.of("pageSize", List.of("100"))).pageSize());
  }

  @Test
  void typesMayRepeatOrBeCommaSeparated() {
    SearchCriteria c =
        SearchCriteria.parse(Map.of("type", List.of("Meeting,Call", "Review", "Call")));
    assertEquals(List.of("Meeting", "Call", "Review"), c.types());
  }

  @Test
  void datesAreWholeDaysInTheUsersZone() {
    SearchCriteria c =
        SearchCriteria.parse(
            Map.of(
                "from",
                List.of("2026-03-29"),
                "to",
                List.of("2026-03-29"),
                "tz",
                List.of("Europe/London")));
    assertEquals(Instant.parse("2026-03-29T00:00:00Z"), c.from(), "GMT before the change");
    assertEquals(Instant.parse("2026-03-29T23:00:00Z"), c.to(), "BST at the end of that day");
  }

  @Test
  void everyInvalidValueIsNamed() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                SearchCriteria.parse(
                    Map.of(
                        "page", List.of("0"),
                        "pageSize", List.of("abc"),
                        "from", List.of("yesterday"),
                        "timezone", List.of("Mars/Olympus"),
                        "tz", List.of("Nowhere"))));
    assertEquals(400, e.status());
    assertEquals(
        Set.of("page", "pageSize", "from", "timezone", "tz"),
        Set.copyOf(e.details().stream().map(FieldError::field).toList()));
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThrows(
        ApiException.class,
        () ->
            SearchCriteria.parse(
                Map.of("from", List.of("2026-03-02"), "to", List.of("2026-03-01"))));
  }

  @Test
  void blankValuesCountAsAbsent() {
    assertNull(SearchCriteria.parse(Map.of("search", List.of("   "))).search());
  }

  @Test
  void filtersOnlyLeaveOutPageSizeSortAndTheOrderOfTypes() {
    SearchCriteria first =
        SearchCriteria.parse(
            Map.of("search", List.of("budget"), "type", List.of("Meeting", "call")));
    SearchCriteria shownOtherwise =
        SearchCriteria.parse(
            Map.of(
                "search", List.of("budget"),
                "type", List.of("Call", "meeting"),
                "page", List.of("3"),
                "pageSize", List.of("50"),
                "sort", List.of("-title")));
    assertEquals(first.filtersOnly(), shownOtherwise.filtersOnly());
    assertNotEquals(
        first.filtersOnly(),
        SearchCriteria.parse(
                Map.of("search", List.of("budgets"), "type", List.of("Meeting", "call")))
            .filtersOnly());
  }
}
