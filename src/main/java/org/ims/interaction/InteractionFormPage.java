package org.ims.interaction;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 */
@Named("interactionForm")
@ViewScoped
public class InteractionFormPage implements Serializable {

  @Inject InteractionService interactions;
  @Inject InteractionTypeService typeService;
  @Inject SiteContext context;

  private Long id;
  private String back;
  private long version;
  private String title;
  private String type;
  private String lead;
  private LocalDateTime start;
  private LocalDateTime end;
  private String timezone;
  private String location;
  private String description;
  private String notes;
  private boolean andNew;
  private String duplicateMessage;
  private String loadedTitle;

  /** Opens the interaction named in the address, or an empty form. */
  public void open() {
    if (id == null) {
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
      start = view.startDateTime().toLocalDateTime();
      end = view.endDateTime().toLocalDateTime();
      location = view.location();
      description = view.description();
      notes = view.notes();
    } catch (ApiException missing) {
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
        Pages.redirect("/interaction.xhtml" + (back == null ? "" : "?back=" + Pages.encode(back)));
      } else {
        Pages.flashInfo("Saved \u201c" + saved.title() + "\u201d.");
        Pages.redirect(finderPath());
      }
    } catch (ApiException refused) {
      show(refused);
    }
  }

  /** Checks one field (and the ones its rules involve) as the user leaves it. */
  public void check(String field) {
    List<FieldError> problems;
    try {
      problems = interactions.problems(draft(), id);
    } catch (ApiException e) {
      return;
    }
    Set<String> concerned =
        Set.of("startDateTime", "endDateTime", "timezone").contains(field)
            ? Set.of("startDateTime", "endDateTime", "timezone")
            : Set.of(field);
    problems.stream()
        .filter(p -> concerned.contains(p.field()))
        .forEach(p -> Pages.error("interaction:" + p.field(), p.message()));
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
      default -> Pages.show(refused, "interaction");
    }
  }

  /**
   * The draft the inputs describe. A local time that does not exist in the zone (the hour skipped
   * when clocks go forward) is reported rather than silently moved.
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
      LocalDateTime local, ZoneId zone, String field, List<FieldError> unreadable) {
    if (local == null) {
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

  private String finderPath() {
    return Pages.HOME + (back == null || back.isBlank() ? "" : "?" + back);
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

  public List<String> getZoneOptions() {
    return TimeZones.REGIONS;
  }

  public String getDuplicateMessage() {
    return duplicateMessage;
  }

  public String getLoadedTitle() {
    return loadedTitle;
  }

  // Accessors of the inputs and view parameters.

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
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

  public LocalDateTime getStart() {
    return start;
  }

  public void setStart(LocalDateTime start) {
    this.start = start;
  }

  public LocalDateTime getEnd() {
    return end;
  }

  public void setEnd(LocalDateTime end) {
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
