package org.ims.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * What a user can say about an interaction, as typed in the form or sent to the API, with the rules
 * both must meet. The one validation path: the service validates every draft, whoever made it.
 */
@ValidSchedule
public final class InteractionDraft {

  @NotBlank(message = "Enter a title.")
  @Size(max = 255, message = "Use at most 255 characters.")
  private final String title;

  @NotBlank(message = "Choose a type.")
  @Size(max = 50, message = "Use at most 50 characters.")
  private final String type;

  @NotBlank(message = "Enter who leads it.")
  @Size(max = 100, message = "Use at most 100 characters.")
  private final String lead;

  @NotNull(message = "Enter the start date and time.")
  private final OffsetDateTime startDateTime;

  @NotNull(message = "Enter the end date and time.")
  private final OffsetDateTime endDateTime;

  @NotBlank(message = "Choose a time zone.")
  private final String timezone;

  @Size(max = 255, message = "Use at most 255 characters.")
  private final String location;

  @Size(max = 10_000, message = "Use at most 10,000 characters.")
  private final String description;

  @Size(max = 10_000, message = "Use at most 10,000 characters.")
  private final String notes;

  /** Inputs that could not even be read (e.g. a date in the wrong format), by field. */
  private List<FieldError> unreadable = List.of();

  public InteractionDraft(
      String title,
      String type,
      String lead,
      OffsetDateTime startDateTime,
      OffsetDateTime endDateTime,
      String timezone,
      String location,
      String description,
      String notes) {
    this.title = title;
    this.type = type;
    this.lead = lead;
    this.startDateTime = startDateTime;
    this.endDateTime = endDateTime;
    this.timezone = timezone;
    this.location = location;
    this.description = description;
    this.notes = notes;
  }

  /** The same draft, with fields whose input could not be read (their value here is null). */
  public InteractionDraft withUnreadable(List<FieldError> problems) {
    InteractionDraft copy =
        new InteractionDraft(
            title, type, lead, startDateTime, endDateTime, timezone, location, description, notes);
    copy.unreadable = List.copyOf(problems);
    return copy;
  }

  List<FieldError> unreadable() {
    return unreadable;
  }

  public String title() {
    return title;
  }

  public String type() {
    return type;
  }

  public String lead() {
    return lead;
  }

  public OffsetDateTime startDateTime() {
    return startDateTime;
  }

  public OffsetDateTime endDateTime() {
    return endDateTime;
  }

  public String timezone() {
    return timezone;
  }

  public String location() {
    return location;
  }

  public String description() {
    return description;
  }

  public String notes() {
    return notes;
  }
}
