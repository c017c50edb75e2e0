package org.ims.interaction;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.Pages;
import org.ims.platform.TextRules;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.primefaces.PrimeFaces;

/**
 * The interaction form: add, edit, view (VIEWER), delete with a confirmation. Dates are typed as
 * local times in the chosen zone and become instants here; every rule is the service's, so the page
 * shows exactly what the REST API would answer, by the field it concerns.
 *
 * <p>A field is checked when the user changes it, and only what concerns a field the user has
 * filled in or changed is shown: tabbing through an empty form says nothing. After a save was
 * refused, every problem is shown, and the summary at the top follows each correction.
 */
@Named("interactionForm")
@ViewScoped
public class InteractionFormPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the form shows a date and time, and the pattern its date pickers use. */
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** yyyy-mm-dd hh:mm, also with one-digit month, day or hour, a "T", or seconds. */
  private static final Pattern TYPED =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  /** The fields whose rules involve each other: changing one may settle or raise another. */
  private static final Set<String> SCHEDULE = Set.of("startDateTime", "endDateTime", "timezone");

  @Inject InteractionService interactions;
  @Inject InteractionTypeService typeService;
  @Inject SiteContext context;

  private Long id;
  private String back;
  private long version;
  private String title;
  private String type;
  private String lead;
  private String start;
  private String end;
  private String timezone;
  private String location;
  private String description;
  private String notes;
  private boolean andNew;
  private String duplicateMessage;
  private String loadedTitle;
  private String readableStart;
  private String readableEnd;
  private String zoneLabel;

  /** Fields the user changed; after a refused save, all of them count. */
  private final Set<String> touched = new HashSet<>();

  /** The heading of the error summary, once a save was refused; null before. */
  private String summaryHeading;

  /**
   * Opens the interaction named in the address, or an empty form: for a new one in the type and
   * zone the address names (Save &amp; New passes them on), else in the user's zone, else the zone
   * the site's interactions are usually in.
   */
  public void open() {
    String asked = Pages.parameter("id");
    if (asked == null || asked.isBlank()) {
      type = offeredType(Pages.parameter("type"));
      timezone =
          TimeZones.current(Pages.parameter("timezone"))
              .or(() -> TimeZones.current(Pages.browserZone().orElse(null)))
              .or(() -> interactions.usualZone().flatMap(TimeZones::current))
              .orElse("UTC");
      return;
    }
    try {
      id = Long.valueOf(asked.trim());
    } catch (NumberFormatException e) {
      Pages.flashError(
          "There is no interaction \u201c"
              + shortened(asked)
              + "\u201d: interactions are opened by their number, as the Finder links to them.");
      Pages.redirect(finderPath());
      return;
    }
    try {
      InteractionView view = interactions.get(id);
      version = view.version();
      title = view.title();
      loadedTitle = view.title();
      type = view.type();
      lead = view.lead();
      timezone = view.timezone();
      start = LOCAL.format(view.startDateTime());
      end = LOCAL.format(view.endDateTime());
      readableStart = READABLE.format(view.startDateTime());
      readableEnd = READABLE.format(view.endDateTime());
      zoneLabel = TimeZones.label(view.timezone(), view.startDateTime().toInstant());
      location = view.location();
      description = view.description();
      notes = view.notes();
    } catch (ApiException missing) {
      id = null;
      Pages.flashError(missing.getMessage());
      Pages.redirect(finderPath());
    }
  }

  public void save() {
    andNew = false;
    store(false);
  }

  public void saveAndNew() {
    andNew = true;
    store(false);
  }

  /** After the duplicate-title warning: the user confirmed it is not a mistake. */
  public void saveAnyway() {
    store(true);
  }

  private void store(boolean allowDuplicate) {
    InteractionDraft draft = draft();
    try {
      InteractionView saved =
          id == null
              ? interactions.create(draft, allowDuplicate)
              : interactions.update(id, draft, version, allowDuplicate);
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      if (andNew) {
        Pages.flashInfo("Saved \u201c" + saved.title() + "\u201d. Enter the next interaction.");
        Pages.redirect(newFormPath(saved));
      } else {
        Pages.flashInfo("Saved \u201c" + saved.title() + "\u201d.");
        Pages.redirect(finderPath());
      }
    } catch (ApiException refused) {
      show(refused);
    }
  }

  /**
   * Checks the field the user just changed, with the service's rules, and shows what is now wrong
   * with it and with the fields its rules involve, as far as the user has reached them.
   */
  public void check(String field) {
    touched.add(field);
    List<FieldError> problems;
    try {
      problems = interactions.problems(draft(), id);
    } catch (ApiException e) {
      return;
    }
    Set<String> reached = new HashSet<>(touched);
    if (SCHEDULE.contains(field)) {
      // "The end must be after the start" belongs under End as soon as End holds a time.
      SCHEDULE.stream().filter(this::filled).forEach(reached::add);
    }
    Pages.fieldProblems(
        "interaction",
        summaryHeading,
        problems.stream()
            .filter(p -> summaryHeading != null || reached.contains(p.field()))
            .toList());
  }

  public void delete() {
    try {
      interactions.delete(id, version);
      Pages.flashInfo("Deleted \u201c" + loadedTitle + "\u201d. An administrator can restore it.");
      Pages.redirect(finderPath());
    } catch (ApiException refused) {
      show(refused);
    }
  }

  /** A refusal as this form shows it: two of them ask the user something. */
  private void show(ApiException refused) {
    switch (refused.code()) {
      case DUPLICATE_TITLE -> {
        duplicateMessage =
            "An interaction titled \u201c"
                + TextRules.clean(title)
                + "\u201d already starts on that day. Save this one as well?";
        PrimeFaces.current().executeScript("PF('duplicateDialog').show()");
        FacesContext.getCurrentInstance().validationFailed();
      }
      case CONFLICT -> {
        Pages.error(
            "Someone else saved this interaction after you opened it, so it was not saved."
                + " Your changes are still below: copy what you need, then reload the page to"
                + " see the current version.");
        FacesContext.getCurrentInstance().validationFailed();
      }
      case VALIDATION_ERROR -> {
        summaryHeading = "Not saved: correct these fields, then save again.";
        Pages.fieldProblems("interaction", summaryHeading, refused.details());
        FacesContext.getCurrentInstance().validationFailed();
      }
      default -> Pages.show(refused, "interaction");
    }
  }

  /**
   * The draft the inputs describe. A date the form cannot read, and a local time that does not
   * exist in the zone (the hour skipped when clocks go forward), are reported by their field rather
   * than guessed.
   */
  private InteractionDraft draft() {
    ZoneId zone = zone();
    List<FieldError> unreadable = new ArrayList<>();
    OffsetDateTime startsAt = instant(start, zone, "startDateTime", unreadable);
    OffsetDateTime endsAt = instant(end, zone, "endDateTime", unreadable);
    return new InteractionDraft(
            title, type, lead, startsAt, endsAt, timezone, location, description, notes)
        .withUnreadable(unreadable);
  }

  private ZoneId zone() {
    try {
      return timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static OffsetDateTime instant(
      String typed, ZoneId zone, String field, List<FieldError> unreadable) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    LocalDateTime local;
    Matcher parts = TYPED.matcher(typed.trim());
    try {
      if (!parts.matches()) {
        throw new DateTimeException(typed);
      }
      if (parts.group(4) == null) {
        unreadable.add(
            new FieldError(
                field,
                "Add the time: yyyy-mm-dd hh:mm (24-hour), for example "
                    + parts.group(0)
                    + " 14:30."));
        return null;
      }
      local =
          LocalDateTime.of(
              Integer.parseInt(parts.group(1)),
              Integer.parseInt(parts.group(2)),
              Integer.parseInt(parts.group(3)),
              Integer.parseInt(parts.group(4)),
              Integer.parseInt(parts.group(5)));
    } catch (DateTimeException e) {
      unreadable.add(
          new FieldError(
              field,
              "Enter the date and time as yyyy-mm-dd hh:mm (24-hour), for example 2026-03-29"
                  + " 14:30."));
      return null;
    }
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      unreadable.add(
          new FieldError(
              field, "This time does not exist in " + zone.getId() + " (the clocks go forward)."));
      return null;
    }
    return local.atZone(zone).toOffsetDateTime();
  }

  private boolean filled(String field) {
    String value =
        switch (field) {
          case "startDateTime" -> start;
          case "endDateTime" -> end;
          case "timezone" -> timezone;
          default -> null;
        };
    return value != null && !value.isBlank();
  }

  /** The type the address asks a new interaction to start with, if the site offers it. */
  private String offeredType(String asked) {
    if (asked == null) {
      return null;
    }
    return typeService.activeTypes().stream()
        .map(InteractionType::name)
        .filter(asked::equalsIgnoreCase)
        .findFirst()
        .orElse(null);
  }

  /** The next new interaction after Save &amp; New: the same type and zone, the same way back. */
  private String newFormPath(InteractionView saved) {
    StringBuilder path = new StringBuilder("/interaction.xhtml?type=");
    path.append(Pages.encode(saved.type()))
        .append("&timezone=")
        .append(Pages.encode(saved.timezone()));
    if (back != null) {
      path.append("&back=").append(Pages.encode(back));
    }
    return path.toString();
  }

  private String finderPath() {
    return Pages.HOME + (back == null || back.isBlank() ? "" : "?" + back);
  }

  private static String shortened(String text) {
    String trimmed = text.strip();
    return trimmed.length() > 40 ? trimmed.substring(0, 39) + "\u2026" : trimmed;
  }

  public String getFinderUrl() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + finderPath();
  }

  public boolean isNew() {
    return id == null;
  }

  public boolean isEditable() {
    return context.can(Role.EDITOR);
  }

  public boolean isDeletable() {
    return id != null && context.can(Role.ADMINISTRATOR);
  }

  public String getHeading() {
    if (id == null) {
      return "New interaction";
    }
    return isEditable() ? "Edit interaction" : "Interaction";
  }

  public List<String> getTypeOptions() {
    List<String> options =
        new ArrayList<>(typeService.activeTypes().stream().map(InteractionType::name).toList());
    // A type retired since the record was made stays on it, and stays choosable for it.
    if (type != null && options.stream().noneMatch(type::equalsIgnoreCase)) {
      options.add(type);
    }
    return options;
  }

  public List<SelectItem> getZoneOptions() {
    return TimeZones.options(TimeZones.current(Pages.browserZone().orElse(null)), timezone);
  }

  /** The read-only view's times: "Monday 1 June 2026, 10:00", in the interaction's zone. */
  public String getReadableStart() {
    return readableStart;
  }

  public String getReadableEnd() {
    return readableEnd;
  }

  /** The zone as the read-only view names it: with the offset it has at the start. */
  public String getZoneLabel() {
    return zoneLabel;
  }

  public String getDuplicateMessage() {
    return duplicateMessage;
  }

  public String getLoadedTitle() {
    return loadedTitle;
  }

  /** The version the form edits, so that a draft kept in the browser is put back on it only. */
  public long getVersion() {
    return version;
  }

  // Accessors of the inputs and view parameters.

  public Long getId() {
    return id;
  }

  public String getBack() {
    return back;
  }

  /** The Finder's query string to return to; anything else is ignored (it ends up in a URL). */
  public void setBack(String back) {
    this.back = back != null && back.matches("[A-Za-z0-9%&=._~+-]*") ? back : null;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getLead() {
    return lead;
  }

  public void setLead(String lead) {
    this.lead = lead;
  }

  /** The start as typed: yyyy-mm-dd hh:mm, in the chosen zone. */
  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getEnd() {
    return end;
  }

  public void setEnd(String end) {
    this.end = end;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }
}
