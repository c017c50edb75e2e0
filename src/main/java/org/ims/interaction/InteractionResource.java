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
import org.ims.platform.ApiException;
import org.ims.platform.ApiResponse;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.QueryParameters;
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
public class InteractionResource {

  @Inject InteractionService interactions;
  @Inject InteractionSearch search;
  @Context UriInfo uri;

  @POST
  public Response create(InteractionRequest body) {
    InteractionView created =
        interactions.create(RequestBodies.required(body).toDraft(), allowDuplicate());
    return Response.created(
            uri.getBaseUriBuilder().path("interactions").path(created.id().toString()).build())
        .tag(Long.toString(created.version()))
        .entity(ApiResponse.of(created))
        .build();
  }

  @GET
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
  @Path("/{id: [0-9]+}")
  public Response get(@PathParam("id") long id) {
    InteractionView view = interactions.get(id);
    return ok(view);
  }

  @PUT
  @Path("/{id: [0-9]+}")
  public Response update(
      @PathParam("id") long id, InteractionRequest body, @HeaderParam("If-Match") String ifMatch) {
    RequestBodies.required(body);
    Long version = ifMatch != null ? versionOf(ifMatch) : body.version;
    if (version == null) {
      throw new ApiException(
          ErrorCode.PRECONDITION_REQUIRED,
          "Say which version you are changing: send If-Match or \"version\".",
          List.of(new FieldError("version", "The version you last read is required.")));
    }
    return ok(interactions.update(id, body.toDraft(), version, allowDuplicate()));
  }

  @DELETE
  @Path("/{id: [0-9]+}")
  public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
    interactions.delete(id, ifMatch == null ? null : versionOf(ifMatch));
    return Response.noContent().build();
  }

  @GET
  @Path("/deleted")
  public ApiResponse<List<InteractionView>> deleted() {
    return ApiResponse.of(interactions.deleted());
  }

  @POST
  @Path("/{id: [0-9]+}/restore")
  public Response restore(@PathParam("id") long id) {
    return ok(interactions.restore(id));
  }

  /** The allowDuplicate parameter: true or false, nothing else (a typo must not mean false). */
  private boolean allowDuplicate() {
    QueryParameters parameters = new QueryParameters(uri.getQueryParameters());
    boolean allow = parameters.bool("allowDuplicate", false);
    parameters.failIfInvalid("Some parameters are not valid.");
    return allow;
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
