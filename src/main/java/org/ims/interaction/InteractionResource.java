package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.platform.ApiException;
import org.ims.platform.ApiResponse;
import org.ims.platform.RequestBodies;
import org.ims.platform.ResultPage;

/**
 * The active site's interactions. Also at /api/v1/interactions. The active site comes from the
 * caller's token, never from the body; an id of another site answers 404.
 */
@Path("/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Interactions")
public class InteractionResource {

  /** The success body of operations that answer one interaction (for the OpenAPI document). */
  @Schema(name = "InteractionResponse")
  public static class OneInteraction {
    @Schema(example = "success")
    public String status;

    public InteractionView data;
  }

  /** The success body of the deleted list (for the OpenAPI document). */
  @Schema(name = "InteractionListResponse")
  public static class InteractionList {
    @Schema(example = "success")
    public String status;

    public List<InteractionView> data;
  }

  @Inject InteractionService interactions;
  @Inject InteractionSearch search;
  @Context UriInfo uri;

  @POST
  @Operation(summary = "Record an interaction at the active site (EDITOR or ADMINISTRATOR)")
  @RequestBody(required = true)
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag headers set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionResponse")))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR listing every failing field, or MALFORMED_REQUEST")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: VIEWERs cannot create")
  @APIResponse(
      responseCode = "409",
      description = "DUPLICATE_TITLE: same title, same start date; retry with allowDuplicate=true")
  @APIResponse(responseCode = "413", description = "Body over 1 MB")
  public Response create(
      InteractionRequest body,
      @QueryParam("allowDuplicate") @DefaultValue("false") boolean allowDuplicate) {
    InteractionView created =
        interactions.create(RequestBodies.required(body).toDraft(), allowDuplicate);
    return Response.created(
            uri.getBaseUriBuilder().path("interactions").path(created.id().toString()).build())
        .tag(Long.toString(created.version()))
        .entity(ApiResponse.of(created))
        .build();
  }

  @GET
  @Operation(
      summary =
          "Find the active site's interactions: global search, filters, sort (e.g."
              + " sort=lead,-startDateTime), pages; unknown parameters are ignored")
  @Parameter(
      name = "search",
      in = ParameterIn.QUERY,
      description =
          "Words, all required, each matching the start of a word in any field; case and accents ignored")
  @Parameter(name = "title", in = ParameterIn.QUERY, description = "Title contains")
  @Parameter(name = "lead", in = ParameterIn.QUERY, description = "Lead contains")
  @Parameter(name = "location", in = ParameterIn.QUERY, description = "Location contains")
  @Parameter(
      name = "type",
      in = ParameterIn.QUERY,
      description = "One or more types (repeat, or comma-separated)")
  @Parameter(
      name = "timezone",
      in = ParameterIn.QUERY,
      description = "IANA zone of the interaction")
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      description = "Overlapping from: a date (whole day in tz) or date-time with offset")
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      description = "Overlapping to: a date (included, in tz) or date-time with offset")
  @Parameter(
      name = "tz",
      in = ParameterIn.QUERY,
      description = "The user's IANA zone for from/to dates (default UTC)")
  @Parameter(name = "createdBy", in = ParameterIn.QUERY, description = "Username of the author")
  @Parameter(
      name = "sort",
      in = ParameterIn.QUERY,
      description = "Fields, '-' for descending; default -startDateTime")
  @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based page (default 1)")
  @Parameter(name = "pageSize", in = ParameterIn.QUERY, description = "Default 25, maximum 100")
  @APIResponse(
      responseCode = "200",
      description =
          "One page, with meta.pagination, meta.unfilteredTotal and meta.warnings. At sites of"
              + " more than 20,000 interactions a search matching more than 1,000 reports"
              + " totalRecords 1000 with totalRecordsExact false (more match; every page can"
              + " still be read)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionListResponse")))
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR naming each invalid parameter")
  public ApiResponse<List<InteractionView>> find() {
    InteractionSearch.Page page = search.find(SearchCriteria.parse(uri.getQueryParameters()));
    Map<String, Object> pagination =
        ResultPage.pagination(page.page(), page.pageSize(), page.totalRecords());
    pagination.put("totalRecordsExact", page.totalExact());
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("pagination", pagination);
    meta.put("unfilteredTotal", page.unfilteredTotal());
    meta.put("warnings", page.warnings());
    return ApiResponse.of(page.items(), meta);
  }

  @GET
  @Path("/export")
  @Produces({
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.APPLICATION_JSON
  })
  @Operation(
      summary =
          "The current search as a file (up to 1,000 rows): same parameters as the list, plus"
              + " format=csv|xlsx; the file name names the site and the filters")
  @Parameter(name = "format", in = ParameterIn.QUERY, description = "csv (default) or xlsx")
  @APIResponse(responseCode = "200", description = "The file; X-Total-Count says how many matched")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR naming each invalid parameter")
  public Response export(@QueryParam("format") @DefaultValue("csv") String format) {
    InteractionExport.Format chosen = exportFormat(format);
    SearchCriteria criteria =
        SearchCriteria.parse(uri.getQueryParameters()).withPage(1, InteractionExport.MAX_ROWS);
    InteractionSearch.Page page = search.export(criteria);
    String fileName =
        InteractionExport.fileName(
            page.siteName(),
            criteria,
            InteractionExport.zoneOf(uri.getQueryParameters().getFirst("tz")),
            chosen);
    return Response.ok(InteractionExport.write(chosen, page.items()), chosen.mediaType)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .header("X-Total-Count", page.totalRecords())
        .build();
  }

  private static InteractionExport.Format exportFormat(String format) {
    try {
      return InteractionExport.Format.valueOf(format.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Export as csv or xlsx.", "format", "Use csv or xlsx.");
    }
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One interaction of the active site")
  @APIResponse(
      responseCode = "200",
      description = "The interaction; ETag carries its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionResponse")))
  @APIResponse(
      responseCode = "404",
      description = "NOT_FOUND: no such live interaction at the active site")
  public Response get(@PathParam("id") long id) {
    InteractionView view = interactions.get(id);
    return ok(view);
  }

  @PUT
  @Path("/{id}")
  @Operation(
      summary =
          "Change an interaction (EDITOR or ADMINISTRATOR); If-Match or body version required")
  @RequestBody(required = true)
  @APIResponse(
      responseCode = "200",
      description = "Updated; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionResponse")))
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR, or no version given")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: VIEWERs cannot edit")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description =
          "CONFLICT: someone saved first (current version in details), or DUPLICATE_TITLE")
  public Response update(
      @PathParam("id") long id,
      InteractionRequest body,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("allowDuplicate") @DefaultValue("false") boolean allowDuplicate) {
    RequestBodies.required(body);
    Long version = ifMatch != null ? versionOf(ifMatch) : body.version;
    if (version == null) {
      throw ApiException.invalid(
          "Say which version you are changing: send If-Match or \"version\".",
          "version",
          "The version you last read is required.");
    }
    return ok(interactions.update(id, body.toDraft(), version, allowDuplicate));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an interaction (ADMINISTRATOR); restorable for 30 days")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: only ADMINISTRATORs delete")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CONFLICT: If-Match names an old version")
  public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
    interactions.delete(id, ifMatch == null ? null : versionOf(ifMatch));
    return Response.noContent().build();
  }

  @GET
  @Path("/deleted")
  @APIResponse(
      responseCode = "200",
      description = "Deleted interactions, most recent first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionListResponse")))
  @Operation(summary = "Interactions deleted within the last 30 days (ADMINISTRATOR)")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  public ApiResponse<List<InteractionView>> deleted() {
    return ApiResponse.of(interactions.deleted());
  }

  @POST
  @Path("/{id}/restore")
  @Operation(summary = "Bring back an interaction deleted within the last 30 days (ADMINISTRATOR)")
  @APIResponse(
      responseCode = "200",
      description = "Restored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionResponse")))
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(
      responseCode = "404",
      description = "NOT_FOUND: not deleted, too old, or not of this site")
  public Response restore(@PathParam("id") long id) {
    return ok(interactions.restore(id));
  }

  private static Response ok(InteractionView view) {
    return Response.ok(ApiResponse.of(view)).tag(Long.toString(view.version())).build();
  }

  /** The version an If-Match header names: "3", W/"3" or 3. */
  static Long versionOf(String ifMatch) {
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "").trim();
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalid(
          "If-Match must carry the ETag of the version you read.",
          "If-Match",
          "Not an entity tag of this API: " + ifMatch);
    }
  }
}
