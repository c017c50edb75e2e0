package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.model.SelectItem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

  @Test
  void onlyTheCurrentNamesOfPlacesAreOffered() {
    for (String old : List.of("Asia/Calcutta", "Europe/Kiev", "US/Eastern", "Etc/GMT+5", "GB")) {
      assertFalse(TimeZones.REGIONS.contains(old), old);
    }
    for (String current :
        List.of("Asia/Kolkata", "Europe/Kyiv", "America/New_York", "Europe/London", "UTC")) {
      assertTrue(TimeZones.REGIONS.contains(current), current);
    }
    assertTrue(TimeZones.REGIONS.size() > 300 && TimeZones.REGIONS.size() < 450);
    // Every older name this list knows leads to one that is offered.
    TimeZones.OLD_NAMES.forEach(
        (old, current) -> assertTrue(TimeZones.REGIONS.contains(current), old + " -> " + current));
    // Every offered zone is one the API accepts.
    TimeZones.REGIONS.forEach(zone -> assertTrue(ValidSchedule.Validator.isZone(zone), zone));
  }

  @Test
  void anOlderNameAsABrowserReportsItMeansTheCurrentOne() {
    assertEquals(Optional.of("Asia/Kolkata"), TimeZones.current("Asia/Calcutta"));
    assertEquals(Optional.of("UTC"), TimeZones.current(ZoneId.of("Etc/UTC")));
    assertEquals(Optional.of("Europe/Berlin"), TimeZones.current("Europe/Berlin"));
    assertEquals(Optional.empty(), TimeZones.current("Mars/Olympus_Mons"));
    assertEquals(Optional.empty(), TimeZones.current((String) null));
  }

  @Test
  void labelsCarryTheOffsetOfTheMoment() {
    Instant winter = Instant.parse("2026-01-15T12:00:00Z");
    Instant summer = Instant.parse("2026-07-15T12:00:00Z");
    assertEquals("Europe/London (UTC)", TimeZones.label("Europe/London", winter));
    assertEquals("Europe/London (UTC+01:00)", TimeZones.label("Europe/London", summer));
    assertEquals("America/New York (UTC-05:00)", TimeZones.label("America/New_York", winter));
    assertEquals("Asia/Kolkata (UTC+05:30)", TimeZones.label("Asia/Kolkata", summer));
    assertEquals("UTC", TimeZones.label("UTC", summer));
  }

  @Test
  void theUsersZoneComesFirstAndARecordsOlderZoneStaysChoosable() {
    List<SelectItem> items = TimeZones.options(Optional.of("Europe/Berlin"), "Asia/Calcutta");
    assertEquals("Europe/Berlin", items.get(0).getValue());
    assertTrue(items.get(0).getLabel().endsWith("your time zone"), items.get(0).getLabel());
    assertEquals("Asia/Calcutta", items.get(1).getValue());
    assertEquals(
        1, items.stream().filter(i -> "Europe/Berlin".equals(i.getValue())).count(), "once");
    assertEquals(TimeZones.REGIONS.size() + 1, items.size());
  }
}
