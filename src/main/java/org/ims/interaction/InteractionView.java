package org.ims.interaction;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.ims.user.User;

/**
 * An interaction as the API and the pages show it. Start and end carry the offset of the
 * interaction's time zone at that very instant, so each is right on its side of a DST change.
 */
@JsonbPropertyOrder({
  "id",
  "siteId",
  "title",
  "type",
  "lead",
  "startDateTime",
  "endDateTime",
  "timezone",
  "location",
  "description",
  "notes",
  "version",
  "createdBy",
  "createdAt",
  "updatedBy",
  "updatedAt",
  "deletedBy",
  "deletedAt"
})
public record InteractionView(
    Long id,
    Long siteId,
    String title,
    String type,
    String lead,
    OffsetDateTime startDateTime,
    OffsetDateTime endDateTime,
    String timezone,
    String location,
    String description,
    String notes,
    long version,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    String deletedBy,
    Instant deletedAt) {

  static InteractionView of(Interaction i) {
    return new InteractionView(
        i.id(),
        i.siteId(),
        i.title(),
        i.type(),
        i.lead(),
        i.start().atZone(i.zone()).toOffsetDateTime(),
        i.end().atZone(i.zone()).toOffsetDateTime(),
        i.timezone(),
        i.location(),
        i.description(),
        i.notes(),
        i.version(),
        name(i.createdBy()),
        i.createdAt(),
        name(i.updatedBy()),
        i.updatedAt(),
        name(i.deletedBy()),
        i.deletedAt());
  }

  private static String name(User user) {
    return user == null ? null : user.username();
  }
}
