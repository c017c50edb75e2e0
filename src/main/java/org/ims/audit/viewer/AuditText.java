package org.ims.audit.viewer;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry's stored values as the audit log page shows them to people: client addresses in
 * their usual short form, JSON as "name: value" lines, a change as "name: old → new", sites by name
 * and instants in the reader's zone. The entry itself is not changed: the page only reads it.
 */
final class AuditText {

  /** A sort key as an older SEARCH entry stored it (Java's text of SearchCriteria.SortKey). */
  private static final Pattern SORT_KEY =
      Pattern.compile("SortKey\\[field=(\\w+), descending=(true|false)\\]");

  private static final Pattern INSTANT =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

  /** What the page needs to name things: sites by id, instants in the reader's zone. */
  record Names(Function<Long, String> site, Function<Instant, String> time) {}

  private AuditText() {}

  /**
   * A client address in its usual form: IPv6 with its zero runs compressed (RFC 5952), an IPv4
   * address carried in IPv6 as IPv4, the loopback said in words.
   */
  static String address(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String address = raw.trim();
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    if (address.contains(":")) {
      int[] groups = groups(address);
      if (groups == null) {
        return address;
      }
      if (isMappedIpv4(groups)) {
        address =
            (groups[6] >> 8)
                + "."
                + (groups[6] & 0xff)
                + "."
                + (groups[7] >> 8)
                + "."
                + (groups[7] & 0xff);
      } else {
        address = compressed(groups);
      }
    }
    if (address.equals("::1") || address.startsWith("127.")) {
      return "this computer (" + address + ")";
    }
    return address;
  }

  /**
   * The values of one JSON object (details, or a snapshot) as "name: value" lines; names without a
   * value (null, an empty list) are left out.
   */
  static List<String> lines(String json, Names names) {
    JsonObject object = object(json);
    if (object == null) {
      return json == null || json.isBlank() ? List.of() : List.of(json);
    }
    List<String> lines = new ArrayList<>();
    object.forEach(
        (name, value) -> {
          if (value.getValueType() != JsonValue.ValueType.NULL
              && !(value instanceof JsonArray array && array.isEmpty())) {
            lines.add(label(name) + ": " + value(name, value, names));
          }
        });
    return lines;
  }

  /**
   * A change as lines: "name: old → new" for each value that differs, "name: new" for one that
   * appeared, "name: old → (none)" for one that went. Values that stayed the same are left out,
   * unless nothing changed at all.
   */
  static List<String> change(String oldJson, String newJson, Names names) {
    JsonObject before = object(oldJson);
    JsonObject after = object(newJson);
    if (before == null) {
      return lines(newJson, names);
    }
    if (after == null) {
      return lines(oldJson, names).stream().map(line -> line + " \u2192 (none)").toList();
    }
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<String> lines = new ArrayList<>();
    for (String key : keys) {
      JsonValue was = before.get(key);
      JsonValue is = after.get(key);
      if (Objects.equals(was, is)) {
        continue;
      }
      String old = was == null ? null : value(key, was, names);
      String now = is == null ? "(none)" : value(key, is, names);
      lines.add(label(key) + ": " + (old == null ? now : old + " \u2192 " + now));
    }
    return lines.isEmpty() ? List.of("(no change)") : lines;
  }

  private static String value(String name, JsonValue value, Names names) {
    return switch (value.getValueType()) {
      case NULL -> "(none)";
      case TRUE -> "yes";
      case FALSE -> "no";
      case NUMBER -> {
        JsonNumber number = (JsonNumber) value;
        if (isSite(name) && number.isIntegral()) {
          yield names.site().apply(number.longValue());
        }
        yield number.toString();
      }
      case STRING -> text(((JsonString) value).getString(), names);
      case ARRAY -> {
        List<String> parts = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
          parts.add(value(name, item, names));
        }
        yield parts.isEmpty() ? "(none)" : String.join(", ", parts);
      }
      case OBJECT ->
          String.join(
              "; ",
              ((JsonObject) value)
                  .entrySet().stream()
                      .map(e -> label(e.getKey()) + " " + value(e.getKey(), e.getValue(), names))
                      .toList());
    };
  }

  /** A stored string: an instant in the reader's zone, Java's text of sort keys as the API's. */
  private static String text(String text, Names names) {
    if (INSTANT.matcher(text).matches()) {
      try {
        return names.time().apply(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeException e) {
        return text;
      }
    }
    Matcher keys = SORT_KEY.matcher(text);
    if (keys.find()) {
      List<String> parts = new ArrayList<>();
      keys.reset();
      while (keys.find()) {
        parts.add(keys.group(1) + ("true".equals(keys.group(2)) ? " (descending)" : ""));
      }
      return String.join(", then ", parts);
    }
    return text;
  }

  /** "fromSite" → "from site", "startDateTime" → "start date time". */
  private static String label(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static boolean isSite(String name) {
    return name.equals("site") || name.equals("siteId") || name.endsWith("Site");
  }

  private static JsonObject object(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonValue value = Json.createReader(new StringReader(json)).readValue();
      return value instanceof JsonObject o ? o : null;
    } catch (JsonException e) {
      return null;
    }
  }

  /** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
  private static int[] groups(String address) {
    String text = address;
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    String[] halves = text.split("::", -1);
    if (halves.length > 2) {
      return null;
    }
    List<Integer> head = parse(halves[0]);
    List<Integer> tail = halves.length == 2 ? parse(halves[1]) : List.of();
    if (head == null || tail == null) {
      return null;
    }
    int missing = 8 - head.size() - tail.size();
    if (halves.length == 1 ? missing != 0 : missing < 1) {
      return null;
    }
    int[] groups = new int[8];
    for (int i = 0; i < head.size(); i++) {
      groups[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      groups[8 - tail.size() + i] = tail.get(i);
    }
    return groups;
  }

  private static List<Integer> parse(String part) {
    List<Integer> groups = new ArrayList<>();
    if (part.isEmpty()) {
      return groups;
    }
    for (String group : part.split(":", -1)) {
      if (group.contains(".")) {
        // A trailing IPv4 part ("::ffff:10.0.0.1") is two groups.
        String[] bytes = group.split("\\.");
        if (bytes.length != 4) {
          return null;
        }
        try {
          int[] b = new int[4];
          for (int i = 0; i < 4; i++) {
            b[i] = Integer.parseInt(bytes[i]);
            if (b[i] < 0 || b[i] > 255) {
              return null;
            }
          }
          groups.add(b[0] << 8 | b[1]);
          groups.add(b[2] << 8 | b[3]);
        } catch (NumberFormatException e) {
          return null;
        }
        continue;
      }
      if (group.isEmpty() || group.length() > 4) {
        return null;
      }
      try {
        groups.add(Integer.parseInt(group, 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return groups;
  }

  private static boolean isMappedIpv4(int[] groups) {
    for (int i = 0; i < 5; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return groups[5] == 0xffff;
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  private static String compressed(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
