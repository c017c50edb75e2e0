package org.ims.interaction;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.JsonBody;

/**
 * The JSON body of create and update. Read-only properties a client may send back from a response
 * ({@code id}, {@code siteId}, the audit fields) are accepted and ignored; any other unknown
 * property is refused. A class, not a record: Payara's OpenAPI generator cannot read records here.
 */
public class InteractionRequest implements JsonBody {

  public String title;

  public String type;

  public String lead;

  public String startDateTime;

  public String endDateTime;

  public String timezone;

  public String location;

  public String description;

  public String notes;

  public Long version;

  // Read-only properties of the response, ignored when sent back.
  public Object id;

  public Object siteId;

  public Object createdBy;

  public Object createdAt;

  public Object updatedBy;

  public Object updatedAt;

  public Object deletedBy;

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
