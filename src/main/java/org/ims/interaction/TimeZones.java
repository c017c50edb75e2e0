package org.ims.interaction;

import java.time.ZoneId;
import java.util.List;

/** The time zones a user can choose: IANA region ids (they follow daylight saving), sorted. */
final class TimeZones {

  static final List<String> REGIONS =
      ZoneId.getAvailableZoneIds().stream()
          .filter(ValidSchedule.Validator::isZone)
          .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
          .sorted()
          .toList();

  private TimeZones() {}
}
