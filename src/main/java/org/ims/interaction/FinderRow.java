package org.ims.interaction;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;

/**
 * One row of the Finder as the page shows it: times in the interaction's own zone, long texts
 * shortened (the full text is the cell's tooltip). Getters because Faces EL reads properties.
 */
public class FinderRow implements Serializable {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final int SHORT = 60;

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
