package org.ims.interaction;

import jakarta.faces.model.SelectItem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time zones a user can choose: the IANA region ids people look for (one per place, each
 * following its daylight-saving rules), labelled with the offset they have now. The tz database
 * keeps older names of the same places for compatibility (Asia/Calcutta, Europe/Kiev,
 * Australia/NSW, US/Eastern); they stay valid for the API but are not offered, and a browser that
 * reports one is taken to mean the current name.
 */
final class TimeZones {

  /** The areas of the tz database whose ids name places (not Etc/, US/, SystemV/, …). */
  private static final String AREAS =
      "(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+";

  /** Older names the tz database keeps as links ("backward"), and the name each now has. */
  static final Map<String, String> OLD_NAMES =
      Map.ofEntries(
          Map.entry("Africa/Asmera", "Africa/Asmara"),
          Map.entry("Africa/Timbuktu", "Africa/Bamako"),
          Map.entry("America/Argentina/ComodRivadavia", "America/Argentina/Catamarca"),
          Map.entry("America/Atka", "America/Adak"),
          Map.entry("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
          Map.entry("America/Catamarca", "America/Argentina/Catamarca"),
          Map.entry("America/Coral_Harbour", "America/Atikokan"),
          Map.entry("America/Cordoba", "America/Argentina/Cordoba"),
          Map.entry("America/Ensenada", "America/Tijuana"),
          Map.entry("America/Fort_Wayne", "America/Indiana/Indianapolis"),
          Map.entry("America/Godthab", "America/Nuuk"),
          Map.entry("America/Indianapolis", "America/Indiana/Indianapolis"),
          Map.entry("America/Jujuy", "America/Argentina/Jujuy"),
          Map.entry("America/Knox_IN", "America/Indiana/Knox"),
          Map.entry("America/Louisville", "America/Kentucky/Louisville"),
          Map.entry("America/Mendoza", "America/Argentina/Mendoza"),
          Map.entry("America/Montreal", "America/Toronto"),
          Map.entry("America/Nipigon", "America/Toronto"),
          Map.entry("America/Pangnirtung", "America/Iqaluit"),
          Map.entry("America/Porto_Acre", "America/Rio_Branco"),
          Map.entry("America/Rainy_River", "America/Winnipeg"),
          Map.entry("America/Rosario", "America/Argentina/Cordoba"),
          Map.entry("America/Santa_Isabel", "America/Tijuana"),
          Map.entry("America/Shiprock", "America/Denver"),
          Map.entry("America/Thunder_Bay", "America/Toronto"),
          Map.entry("America/Virgin", "America/St_Thomas"),
          Map.entry("America/Yellowknife", "America/Edmonton"),
          Map.entry("Antarctica/South_Pole", "Antarctica/McMurdo"),
          Map.entry("Asia/Ashkhabad", "Asia/Ashgabat"),
          Map.entry("Asia/Calcutta", "Asia/Kolkata"),
          Map.entry("Asia/Choibalsan", "Asia/Ulaanbaatar"),
          Map.entry("Asia/Chongqing", "Asia/Shanghai"),
          Map.entry("Asia/Chungking", "Asia/Shanghai"),
          Map.entry("Asia/Dacca", "Asia/Dhaka"),
          Map.entry("Asia/Harbin", "Asia/Shanghai"),
          Map.entry("Asia/Istanbul", "Europe/Istanbul"),
          Map.entry("Asia/Kashgar", "Asia/Urumqi"),
          Map.entry("Asia/Katmandu", "Asia/Kathmandu"),
          Map.entry("Asia/Macao", "Asia/Macau"),
          Map.entry("Asia/Rangoon", "Asia/Yangon"),
          Map.entry("Asia/Saigon", "Asia/Ho_Chi_Minh"),
          Map.entry("Asia/Tel_Aviv", "Asia/Jerusalem"),
          Map.entry("Asia/Thimbu", "Asia/Thimphu"),
          Map.entry("Asia/Ujung_Pandang", "Asia/Makassar"),
          Map.entry("Asia/Ulan_Bator", "Asia/Ulaanbaatar"),
          Map.entry("Atlantic/Faeroe", "Atlantic/Faroe"),
          Map.entry("Atlantic/Jan_Mayen", "Arctic/Longyearbyen"),
          Map.entry("Australia/ACT", "Australia/Sydney"),
          Map.entry("Australia/Canberra", "Australia/Sydney"),
          Map.entry("Australia/Currie", "Australia/Hobart"),
          Map.entry("Australia/LHI", "Australia/Lord_Howe"),
          Map.entry("Australia/NSW", "Australia/Sydney"),
          Map.entry("Australia/North", "Australia/Darwin"),
          Map.entry("Australia/Queensland", "Australia/Brisbane"),
          Map.entry("Australia/South", "Australia/Adelaide"),
          Map.entry("Australia/Tasmania", "Australia/Hobart"),
          Map.entry("Australia/Victoria", "Australia/Melbourne"),
          Map.entry("Australia/West", "Australia/Perth"),
          Map.entry("Australia/Yancowinna", "Australia/Broken_Hill"),
          Map.entry("Europe/Belfast", "Europe/London"),
          Map.entry("Europe/Kiev", "Europe/Kyiv"),
          Map.entry("Europe/Nicosia", "Asia/Nicosia"),
          Map.entry("Europe/Tiraspol", "Europe/Chisinau"),
          Map.entry("Europe/Uzhgorod", "Europe/Kyiv"),
          Map.entry("Europe/Zaporozhye", "Europe/Kyiv"),
          Map.entry("Pacific/Enderbury", "Pacific/Kanton"),
          Map.entry("Pacific/Johnston", "Pacific/Honolulu"),
          Map.entry("Pacific/Ponape", "Pacific/Pohnpei"),
          Map.entry("Pacific/Samoa", "Pacific/Pago_Pago"),
          Map.entry("Pacific/Truk", "Pacific/Chuuk"),
          Map.entry("Pacific/Yap", "Pacific/Chuuk"),
          // Names of UTC itself.
          Map.entry("Etc/UTC", "UTC"),
          Map.entry("Etc/UCT", "UTC"),
          Map.entry("Etc/GMT", "UTC"),
          Map.entry("Etc/Universal", "UTC"),
          Map.entry("Etc/Zulu", "UTC"),
          Map.entry("GMT", "UTC"),
          Map.entry("UCT", "UTC"),
          Map.entry("Universal", "UTC"),
          Map.entry("Zulu", "UTC"));

  /** The ids offered, sorted; UTC last. */
  static final List<String> REGIONS =
      concat(
          ZoneId.getAvailableZoneIds().stream()
              .filter(id -> id.matches(AREAS))
              .filter(id -> !OLD_NAMES.containsKey(id))
              .filter(ValidSchedule.Validator::isZone)
              .sorted()
              .toList(),
          "UTC");

  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

  private TimeZones() {}

  /** The id people know a zone by: the current name of an older one; empty if not a zone. */
  static Optional<String> current(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    String named = OLD_NAMES.getOrDefault(id, id);
    return REGIONS.contains(named) ? Optional.of(named) : Optional.empty();
  }

  /** {@link #current(String)} of a zone. */
  static Optional<String> current(ZoneId zone) {
    return zone == null ? Optional.empty() : current(zone.getId());
  }

  /**
   * The choices of a zone menu: the user's own zone first (when known), then every other, each
   * labelled with its offset now, e.g. "America/New York (UTC-05:00)", so that typing a city, an
   * area or an offset finds it. A zone the record already has but the list does not offer (an older
   * name) stays choosable for it, under its own name.
   */
  static List<SelectItem> options(Optional<String> usersZone, String kept) {
    Instant now = Instant.now();
    List<SelectItem> items = new ArrayList<>();
    usersZone
        .filter(REGIONS::contains)
        .ifPresent(z -> items.add(new SelectItem(z, label(z, now) + " \u2013 your time zone")));
    if (kept != null && !kept.isBlank() && !REGIONS.contains(kept)) {
      items.add(new SelectItem(kept, label(kept, now)));
    }
    for (String zone : REGIONS) {
      if (usersZone.filter(zone::equals).isEmpty()) {
        items.add(new SelectItem(zone, label(zone, now)));
      }
    }
    return items;
  }

  /** "Europe/London (UTC+01:00)": the id as people read it, and the offset it has now. */
  static String label(String id, Instant at) {
    if ("UTC".equals(id)) {
      return "UTC";
    }
    try {
      ZoneOffset offset = ZoneId.of(id).getRules().getOffset(at);
      String readable = id.replace('_', ' ');
      return readable
          + " (UTC"
          + (offset.getTotalSeconds() == 0 ? "" : OFFSET.format(offset))
          + ")";
    } catch (DateTimeException e) {
      return id;
    }
  }

  private static List<String> concat(List<String> zones, String last) {
    List<String> all = new ArrayList<>(zones);
    all.add(last);
    return List.copyOf(all);
  }
}
