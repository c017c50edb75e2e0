package org.ims.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.ims.platform.QueryParameters;
import org.ims.platform.RequestBodies;
import org.ims.platform.ResultPage;
import org.ims.site.ActiveSitePath;

/**
 * The users of the active site, for its ADMINISTRATORs. Another site's id, or a user who is not a
 * member of this site, answers 404; other roles get 403.
 */
@Path("/sites/{siteId}/users")
@ActiveSitePath
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class UserAdminResource {

  @Inject UserAdministration users;
  @Context UriInfo uri;

  @GET
  public ApiResponse<List<UserView>> list(@PathParam("siteId") long siteId) {
    QueryParameters parameters = new QueryParameters(uri.getQueryParameters());
    String text = parameters.text("search");
    int pageNumber = parameters.page();
    int size = parameters.pageSize();
    parameters.failIfInvalid("Some parameters are not valid.");
    ResultPage<UserView> result = users.list(text, pageNumber, size);
    return ApiResponse.of(result.items(), result.meta());
  }

  @POST
  public Response create(@PathParam("siteId") long siteId, UserAdminRequests.NewUser body) {
    RequestBodies.required(body);
    UserView.WithPassword created = users.create(body.toInput());
    return Response.created(
            uri.getAbsolutePathBuilder().path(created.user().id().toString()).build())
        .entity(ApiResponse.of(created))
        .build();
  }

  @POST
  @Path("/memberships")
  public Response addMember(
      @PathParam("siteId") long siteId, UserAdminRequests.NewMembership body) {
    RequestBodies.required(body);
    UserView added = users.addMember(body.toInput());
    return Response.created(
            uri.getBaseUriBuilder()
                .path("sites")
                .path(Long.toString(siteId))
                .path("users")
                .path(added.id().toString())
                .build())
        .entity(ApiResponse.of(added))
        .build();
  }

  @GET
  @Path("/{userId: [0-9]+}")
  public ApiResponse<UserView> get(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.get(userId));
  }

  @PATCH
  @Path("/{userId: [0-9]+}")
  public ApiResponse<UserView> change(
      @PathParam("siteId") long siteId,
      @PathParam("userId") long userId,
      UserAdminRequests.UserChange body) {
    RequestBodies.required(body);
    return ApiResponse.of(users.changeEmail(userId, body.toInput()));
  }

  @POST
  @Path("/{userId: [0-9]+}/deactivate")
  public ApiResponse<UserView> deactivate(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.setActive(userId, false));
  }

  @POST
  @Path("/{userId: [0-9]+}/reactivate")
  public ApiResponse<UserView> reactivate(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.setActive(userId, true));
  }

  @POST
  @Path("/{userId: [0-9]+}/unlock")
  public ApiResponse<UserView> unlock(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.unlock(userId));
  }

  @POST
  @Path("/{userId: [0-9]+}/password-reset")
  public ApiResponse<UserView.WithPassword> resetPassword(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.resetPassword(userId));
  }

  @PUT
  @Path("/{userId: [0-9]+}/role")
  public ApiResponse<UserView> changeRole(
      @PathParam("siteId") long siteId,
      @PathParam("userId") long userId,
      UserAdminRequests.RoleChange body) {
    RequestBodies.required(body);
    return ApiResponse.of(users.changeRole(userId, body.toInput()));
  }

  @DELETE
  @Path("/{userId: [0-9]+}")
  public Response remove(@PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    users.removeMember(userId);
    return Response.noContent().build();
  }
}
