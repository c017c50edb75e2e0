package org.ims.interaction;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.Text;

/**
 * What a user can say about an interaction, as typed in the form or sent to the API, with the rules
 * both must meet. The one validation path: the service validates every draft, whoever made it.
 */
@ValidSchedule
public final class InteractionDraft {

  @Text(required = true, max = 255, message = "Enter a title.")
  private final String title;

  @Text(required = true, max = 50, message = "Choose a type.")
  private final String type;

  @Text(required = true, max = 100, message = "Enter who leads it.")
  private final String lead;

  @NotNull(message = "Enter the start date and time.")
  private final OffsetDateTime startDateTime;

  @NotNull(message = "Enter the end date and time.")
  private final OffsetDateTime endDateTime;

  @Text(required = true, max = 64, message = "Choose a time zone.")
  private final String timezone;

  @Text(max = 255)
  private final String location;

  @Text(max = 10_000, multiline = true)
  private final String description;

  @Text(max = 10_000, multiline = true)
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
    // Kept to the microsecond, as the database stores them: two times apart by less must not
    // pass the check that the end comes after the start and then fail in the database.
    this.startDateTime = micros(startDateTime);
    this.endDateTime = micros(endDateTime);
    this.timezone = timezone;
    this.location = location;
    this.description = description;
    this.notes = notes;
  }

  private static OffsetDateTime micros(OffsetDateTime time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
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
