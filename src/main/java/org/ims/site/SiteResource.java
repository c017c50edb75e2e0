package org.ims.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.platform.ApiResponse;
import org.ims.platform.RequestBodies;
import org.ims.site.SiteAdministration.SiteDraft;
import org.ims.site.SiteAdministration.SiteView;

/** Sites: read by their members, configured by global administrators. */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Administration")
public class SiteResource {

  /** Name and description; a class without constraints (see RequestBodies). */
  @Schema(name = "SiteInput")
  public static class SiteRequest {
    @Schema(required = true, maxLength = 100, example = "North Depot")
    public String name;

    @Schema(maxLength = 2000, example = "Warehouse and logistics for the northern region.")
    public String description;
  }

  @Inject SiteAdministration sites;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary =
          "The caller's active sites with their role; for global administrators every site,"
              + " active or not")
  @APIResponse(responseCode = "200", description = "The sites")
  public ApiResponse<List<SiteView>> list() {
    return ApiResponse.of(sites.list());
  }

  @GET
  @Path("/{siteId}")
  @Operation(summary = "One site")
  @APIResponse(responseCode = "200", description = "The site")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such site, or not the caller's")
  public ApiResponse<SiteView> get(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.get(siteId));
  }

  @POST
  @Operation(
      summary =
          "Create a site (global administrators); the creator becomes its ADMINISTRATOR and it"
              + " starts with the default interaction types")
  @RequestBody(required = true)
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: name missing or taken")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a global administrator")
  public Response create(SiteRequest body) {
    RequestBodies.required(body);
    SiteView created = sites.create(new SiteDraft(body.name, body.description));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(ApiResponse.of(created))
        .build();
  }

  @PUT
  @Path("/{siteId}")
  @Operation(summary = "Rename or describe a site (global administrators)")
  @RequestBody(required = true)
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<SiteView> update(@PathParam("siteId") long siteId, SiteRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(sites.update(siteId, new SiteDraft(body.name, body.description)));
  }

  @POST
  @Path("/{siteId}/deactivate")
  @Operation(
      summary =
          "Deactivate a site (global administrators): hidden from site selection, its members"
              + " lose access at their next request, its data stays unchanged")
  @APIResponse(responseCode = "200", description = "Deactivated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CONFLICT: the caller's active site")
  public ApiResponse<SiteView> deactivate(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.setActive(siteId, false));
  }

  @POST
  @Path("/{siteId}/reactivate")
  @Operation(summary = "Reactivate a site (global administrators)")
  @APIResponse(responseCode = "200", description = "Active again")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<SiteView> reactivate(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.setActive(siteId, true));
  }
}
