package org.ims.interaction;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * The JSON body of create and update. Read-only properties a client may send back from a response
 * ({@code id}, {@code siteId}, the audit fields) are accepted and ignored; any other unknown
 * property is refused. A class, not a record: Payara's OpenAPI generator cannot read records here.
 */
@Schema(name = "InteractionInput")
public class InteractionRequest {

  @Schema(required = true, maxLength = 255, example = "Quarterly budget review")
  public String title;

  @Schema(required = true, description = "One of the site's interaction types", example = "Meeting")
  public String type;

  @Schema(required = true, maxLength = 100, example = "Amelia Hughes")
  public String lead;

  @Schema(
      required = true,
      description = "ISO-8601 with offset",
      example = "2026-03-29T09:30:00+01:00")
  public String startDateTime;

  @Schema(
      required = true,
      description = "ISO-8601 with offset, after the start",
      example = "2026-03-29T11:00:00+01:00")
  public String endDateTime;

  @Schema(required = true, description = "IANA time zone id", example = "Europe/London")
  public String timezone;

  @Schema(maxLength = 255, example = "Board Room, 3rd floor")
  public String location;

  @Schema(maxLength = 10_000)
  public String description;

  @Schema(maxLength = 10_000)
  public String notes;

  @Schema(description = "Version last read; required to update (or send If-Match)", example = "3")
  public Long version;

  // Read-only properties of the response, ignored when sent back.
  @Schema(hidden = true)
  public Object id;

  @Schema(hidden = true)
  public Object siteId;

  @Schema(hidden = true)
  public Object createdBy;

  @Schema(hidden = true)
  public Object createdAt;

  @Schema(hidden = true)
  public Object updatedBy;

  @Schema(hidden = true)
  public Object updatedAt;

  @Schema(hidden = true)
  public Object deletedBy;

  @Schema(hidden = true)
  public Object deletedAt;

  /** The draft to validate; dates that cannot be read are reported by field, not guessed. */
  public InteractionDraft toDraft() {
    List<FieldError> unreadable = new ArrayList<>();
    InteractionDraft draft =
        new InteractionDraft(
            title,
            type,
            lead,
            dateTime("startDateTime", startDateTime, unreadable),
            dateTime("endDateTime", endDateTime, unreadable),
            timezone,
            location,
            description,
            notes);
    return draft.withUnreadable(unreadable);
  }

  private static OffsetDateTime dateTime(String field, String value, List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(
          new FieldError(
              field, "Use an ISO-8601 date and time with offset, e.g. 2026-03-29T09:30:00+01:00."));
      return null;
    }
  }
}
