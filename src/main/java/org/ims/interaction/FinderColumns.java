package org.ims.interaction;

import jakarta.faces.context.ExternalContext;
import jakarta.servlet.http.Cookie;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Finder's column chooser: which columns a user hid, remembered in a cookie of their browser so
 * that the choice survives sessions (it is not a search: the address does not carry it). Until a
 * user chooses, the long texts (description, notes) are hidden, so that the title has the room and
 * a row stays one line; the chooser shows them.
 */
final class FinderColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Column keys in table order; also the API's sort field names. */
  static final List<String> ALL =
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

  private static final String COOKIE = "ims-finder-hidden";

  /** The columns hidden until the user chooses otherwise. */
  static final List<String> HIDDEN_BY_DEFAULT = List.of("description", "notes");

  /** The cookie's value when the user hid nothing (an empty value would read as no choice). */
  private static final String NONE = "none";

  private final Set<String> hidden = new LinkedHashSet<>(HIDDEN_BY_DEFAULT);

  /** The choice the browser remembers. */
  static FinderColumns remembered(ExternalContext external) {
    FinderColumns columns = new FinderColumns();
    if (external.getRequestCookieMap().get(COOKIE) instanceof Cookie c && !c.getValue().isBlank()) {
      columns.hidden.clear();
      columns.hidden.addAll(List.of(c.getValue().split("\\.")));
      columns.hidden.retainAll(ALL);
    }
    return columns;
  }

  boolean visible(String column) {
    return !hidden.contains(column);
  }

  /** Shows or hides the column at {@code index} of {@link #ALL}, and remembers the choice. */
  void toggle(int index, boolean visible, ExternalContext external) {
    String column = ALL.get(index);
    if (visible) {
      hidden.remove(column);
    } else {
      hidden.add(column);
    }
    external.addResponseCookie(
        COOKIE,
        hidden.isEmpty() ? NONE : String.join(".", hidden),
        Map.of("maxAge", 365 * 24 * 3600, "path", "/", "httpOnly", true, "sameSite", "Lax"));
  }
}
