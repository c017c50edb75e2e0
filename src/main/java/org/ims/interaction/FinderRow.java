package org.ims.interaction;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row of the Finder as the page shows it: times in the interaction's own zone, long texts
 * shortened (the full text is the cell's tooltip), and the date line of a phone's card. Getters
 * because Faces EL reads properties.
 */
public class FinderRow implements Serializable {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int SHORT = 160;

  private final InteractionView view;

  FinderRow(InteractionView view) {
    this.view = view;
  }

  public long getId() {
    return view.id();
  }

  public String getTitle() {
    return view.title();
  }

  public String getType() {
    return view.type();
  }

  public String getLead() {
    return view.lead();
  }

  public String getStart() {
    return WHEN.format(view.startDateTime());
  }

  public String getEnd() {
    return WHEN.format(view.endDateTime());
  }

  /**
   * Date and time as a phone's card shows them, in the interaction's zone named by its place: "Fri
   * 27 Feb 2026, 09:00–10:00 · London"; an end on another day names that day too.
   */
  public String getWhen() {
    OffsetDateTime start = view.startDateTime();
    OffsetDateTime end = view.endDateTime();
    String until =
        start.toLocalDate().equals(end.toLocalDate())
            ? TIME.format(end)
            : SHORT_DAY.format(end) + ", " + TIME.format(end);
    String zone = view.timezone();
    String place = zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    return DAY.format(start) + ", " + TIME.format(start) + "–" + until + " · " + place;
  }

  public String getTimezone() {
    return view.timezone();
  }

  public String getLocation() {
    return view.location();
  }

  public String getDescription() {
    return view.description();
  }

  public String getShortDescription() {
    return shorten(view.description());
  }

  public String getNotes() {
    return view.notes();
  }

  public String getShortNotes() {
    return shorten(view.notes());
  }

  private static String shorten(String text) {
    if (text == null || text.length() <= SHORT) {
      return text;
    }
    return text.substring(0, SHORT - 1).stripTrailing() + "…";
  }
}
