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
import org.ims.platform.ApiResponse;
import org.ims.platform.JsonBody;
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
public class InteractionTypeResource {

  /** One type, as clients see it. */
  public record TypeView(Long id, String name, int position) {}

  /** One type with its state, as administrators see it. */
  public record AdminTypeView(
      Long id, String name, int position, boolean retired, Instant retiredAt) {
    static AdminTypeView of(InteractionType t) {
      return new AdminTypeView(
          t.id(), t.name(), t.position(), t.retiredAt() != null, t.retiredAt());
    }
  }

  /** A type's name (a class without constraints: see RequestBodies). */
  public static class TypeRequest implements JsonBody {
    public String name;
  }

  /** The site's types in their new order. */
  public static class OrderRequest implements JsonBody {
    public List<Long> ids;
  }

  @Inject InteractionTypeService types;
  @Context UriInfo uri;

  @GET
  public ApiResponse<List<TypeView>> list(@PathParam("siteId") long siteId) {
    return ApiResponse.of(
        types.activeTypes().stream()
            .map(t -> new TypeView(t.id(), t.name(), t.position()))
            .toList());
  }

  @GET
  @Path("/all")
  public ApiResponse<List<AdminTypeView>> all(@PathParam("siteId") long siteId) {
    return ApiResponse.of(types.allTypes().stream().map(AdminTypeView::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
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
  public ApiResponse<List<AdminTypeView>> reorder(
      @PathParam("siteId") long siteId, OrderRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(types.reorder(body.ids).stream().map(AdminTypeView::of).toList());
  }

  @PUT
  @Path("/{typeId: [0-9]+}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ApiResponse<AdminTypeView> rename(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId, TypeRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(
        AdminTypeView.of(types.rename(typeId, new InteractionTypeService.TypeName(body.name))));
  }

  @POST
  @Path("/{typeId: [0-9]+}/retire")
  public ApiResponse<AdminTypeView> retire(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId) {
    return ApiResponse.of(AdminTypeView.of(types.setRetired(typeId, true)));
  }

  @POST
  @Path("/{typeId: [0-9]+}/reinstate")
  public ApiResponse<AdminTypeView> reinstate(
      @PathParam("siteId") long siteId, @PathParam("typeId") long typeId) {
    return ApiResponse.of(AdminTypeView.of(types.setRetired(typeId, false)));
  }
}
