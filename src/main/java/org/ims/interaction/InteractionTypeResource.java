package org.ims.interaction;

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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.platform.ApiResponse;
import org.ims.platform.RequestBodies;
import org.ims.site.ActiveSitePath;

/**
 * The interaction types a site offers, for forms and clients, and their administration by the
 * site's ADMINISTRATORs.
 */
@Path("/sites/{siteId}/interaction-types")
@ActiveSitePath
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Interactions")
public class InteractionTypeResource {

  /** One type, as clients see it. */
  public record TypeView(Long id, String name, int position) {}

  /** The success body (for the OpenAPI document). */
  @Schema(name = "InteractionTypeListResponse")
  public static class TypeList {
    @Schema(example = "success")
    public String status;

    public List<TypeView> data;
  }

  /** One type with its state, as administrators see it. */
  public record AdminTypeView(
      Long id, String name, int position, boolean retired, Instant retiredAt) {
    static AdminTypeView of(InteractionType t) {
      return new AdminTypeView(
          t.id(), t.name(), t.position(), t.retiredAt() != null, t.retiredAt());
    }
  }

  /** A type's name (a class without constraints: see RequestBodies). */
  @Schema(name = "InteractionTypeInput")
  public static class TypeRequest {
    @Schema(required = true, maxLength = 50, example = "Site visit")
    public String name;
  }

  /** The site's types in their new order. */
  @Schema(name = "InteractionTypeOrderInput")
  public static class OrderRequest {
    @Schema(required = true, description = "Every type id of the site (retired too), once each")
    public List<Long> ids;
  }

  @Inject InteractionTypeService types;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The active site's interaction types, in order (retired ones left out)")
  @APIResponse(
      responseCode = "200",
      description = "The types",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionTypeListResponse")))
  @APIResponse(responseCode = "404", description = "NOT_FOUND: not the caller's active site")
  public ApiResponse<List<TypeView>> list(@PathParam("siteId") long siteId) {
    return ApiResponse.of(
        types.activeTypes().stream()
            .map(t -> new TypeView(t.id(), t.name(), t.position()))
            .toList());
  }

  @GET
  @Path("/all")
  @Operation(summary = "Every type of the active site, retired ones too, in order (ADMINISTRATOR)")
  @APIResponse(responseCode = "200", description = "The types with their state")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an ADMINISTRATOR")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: not the caller's active site")
  public ApiResponse<List<AdminTypeView>> all(@PathParam("siteId") long siteId) {
    return ApiResponse.of(types.allTypes().stream().map(AdminTypeView::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a type, offered last (ADMINISTRATOR)")
  @RequestBody(required = true)
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: name missing, long or taken")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public Response add(@PathParam("siteId") long siteId, TypeRequest body) {
    RequestBodies.required(body);
    AdminTypeView added =
        AdminTypeView.of(types.add(new InteractionTypeService.TypeName(body.name)));
    return Response.created(uri.getAbsolutePathBuilder().path(added.id().toString()).build())
        .entity(ApiResponse.of(added))
        .build();
  }

  @PUT
  @Path("/order")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reorder the site's types (ADMINISTRATOR)")
  @RequestBody(required = true)
  @APIResponse(responseCode = "200", description = "The types in their new order")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: not every type exactly once")
  public ApiResponse<List<AdminTypeView>> reorder(
      @PathParam("siteId") long siteId, OrderRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(types.reorder(body.ids).stream().map(AdminTypeView::of).toList());
  }

  @PUT
  @Path("/{typeId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename a type, and the interactions recorded with it (ADMINISTRATOR)")
  @RequestBody(required = true)
  @APIResponse(responseCode = "200", description = "Renamed")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such type at the active site")
  public ApiResponse<AdminTypeView> rename(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId, TypeRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(
        AdminTypeView.of(types.rename(typeId, new InteractionTypeService.TypeName(body.name))));
  }

  @POST
  @Path("/{typeId}/retire")
  @Operation(
      summary = "Stop offering a type for new interactions; existing ones keep it (ADMINISTRATOR)")
  @APIResponse(responseCode = "200", description = "Retired")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<AdminTypeView> retire(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId) {
    return ApiResponse.of(AdminTypeView.of(types.setRetired(typeId, true)));
  }

  @POST
  @Path("/{typeId}/reinstate")
  @Operation(summary = "Offer a retired type again (ADMINISTRATOR)")
  @APIResponse(responseCode = "200", description = "Offered again")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<AdminTypeView> reinstate(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId) {
    return ApiResponse.of(AdminTypeView.of(types.setRetired(typeId, false)));
  }
}
