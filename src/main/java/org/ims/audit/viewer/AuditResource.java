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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.audit.AuditEntry;
import org.ims.platform.ApiResponse;
import org.ims.platform.ResultPage;

/** The audit log viewer and the check of its hash chain (administrators). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Administration")
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
  @Operation(
      summary =
          "Audit entries, newest first: global administrators see all, site administrators"
              + " their sites' entries and their users' sign-ins")
  @Parameter(name = "user", in = ParameterIn.QUERY, description = "Username of the actor")
  @Parameter(
      name = "action",
      in = ParameterIn.QUERY,
      description = "One or more actions (repeat, or comma-separated), e.g. LOGIN_FAILED")
  @Parameter(name = "entityType", in = ParameterIn.QUERY, description = "e.g. User, Interaction")
  @Parameter(name = "entityId", in = ParameterIn.QUERY, description = "Id of the entity")
  @Parameter(name = "site", in = ParameterIn.QUERY, description = "Site id")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      description = "From a date (UTC day) or a date-time with offset")
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      description = "Up to a date (included, UTC) or before a date-time with offset")
  @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based page (default 1)")
  @Parameter(name = "pageSize", in = ParameterIn.QUERY, description = "Default 25, maximum 100")
  @APIResponse(responseCode = "200", description = "One page, with meta.pagination")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR naming each invalid filter")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
  public ApiResponse<List<EntryView>> find() {
    ResultPage<EntryView> page =
        trail.search(AuditQuery.parse(uri.getQueryParameters())).map(EntryView::of);
    return ApiResponse.of(page.items(), page.meta());
  }

  @GET
  @Path("/verify")
  @Operation(
      summary =
          "Recompute the audit log's hash chain and name the first entry that was changed, or"
              + " follows a changed or removed one")
  @APIResponse(responseCode = "200", description = "The verdict (intact or where it breaks)")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
  public ApiResponse<AuditTrail.Verification> verify() {
    return ApiResponse.of(trail.verify());
  }
}
