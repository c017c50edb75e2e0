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
import org.ims.platform.ApiResponse;
import org.ims.platform.JsonBody;
import org.ims.platform.RequestBodies;
import org.ims.site.SiteAdministration.SiteDraft;
import org.ims.site.SiteAdministration.SiteView;

/** Sites: read by their members, configured by global administrators. */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class SiteResource {

  /** Name and description; a class without constraints (see RequestBodies). */
  public static class SiteRequest implements JsonBody {
    public String name;

    public String description;
  }

  @Inject SiteAdministration sites;
  @Context UriInfo uri;

  @GET
  public ApiResponse<List<SiteView>> list() {
    return ApiResponse.of(sites.list());
  }

  @GET
  @Path("/{siteId: [0-9]+}")
  public ApiResponse<SiteView> get(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.get(siteId));
  }

  @POST
  public Response create(SiteRequest body) {
    RequestBodies.required(body);
    SiteView created = sites.create(new SiteDraft(body.name, body.description));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(ApiResponse.of(created))
        .build();
  }

  @PUT
  @Path("/{siteId: [0-9]+}")
  public ApiResponse<SiteView> update(@PathParam("siteId") long siteId, SiteRequest body) {
    RequestBodies.required(body);
    return ApiResponse.of(sites.update(siteId, new SiteDraft(body.name, body.description)));
  }

  @POST
  @Path("/{siteId: [0-9]+}/deactivate")
  public ApiResponse<SiteView> deactivate(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.setActive(siteId, false));
  }

  @POST
  @Path("/{siteId: [0-9]+}/reactivate")
  public ApiResponse<SiteView> reactivate(@PathParam("siteId") long siteId) {
    return ApiResponse.of(sites.setActive(siteId, true));
  }
}
