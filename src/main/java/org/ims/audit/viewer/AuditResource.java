package org.ims.audit.viewer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.List;
import org.ims.audit.AuditEntry;
import org.ims.platform.ApiResponse;
import org.ims.platform.ResultPage;

/** The audit log viewer and the check of its hash chain (administrators). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class AuditResource {

  /** One entry as the viewer shows it; the value columns are JSON, as recorded. */
  public record EntryView(
      Long id,
      String occurredAt,
      Long userId,
      String username,
      Long siteId,
      String action,
      String entityType,
      String entityId,
      String ipAddress,
      String requestId,
      JsonValue oldValues,
      JsonValue newValues,
      JsonValue details) {

    static EntryView of(AuditEntry e) {
      return new EntryView(
          e.id(),
          e.occurredAt().atOffset(ZoneOffset.UTC).toString(),
          e.userId(),
          e.username(),
          e.siteId(),
          e.action(),
          e.entityType(),
          e.entityId(),
          e.ipAddress(),
          e.requestId(),
          json(e.oldValues()),
          json(e.newValues()),
          json(e.details()));
    }

    private static JsonValue json(String text) {
      if (text == null) {
        return null;
      }
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readValue();
      }
    }
  }

  @Inject AuditTrail trail;
  @Context UriInfo uri;

  @GET
  public ApiResponse<List<EntryView>> find() {
    ResultPage<EntryView> page =
        trail.search(AuditQuery.parse(uri.getQueryParameters())).map(EntryView::of);
    return ApiResponse.of(page.items(), page.meta());
  }

  @GET
  @Path("/verify")
  public ApiResponse<AuditTrail.Verification> verify() {
    return ApiResponse.of(trail.verify());
  }
}
