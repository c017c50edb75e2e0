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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "Administration")
public class UserAdminResource {

  @Inject UserAdministration users;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The site's users with their role here; search by username or email")
  @APIResponse(responseCode = "200", description = "One page, with meta.pagination")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not an ADMINISTRATOR here")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: not the caller's active site")
  @Parameter(
      name = "search",
      in = ParameterIn.QUERY,
      description = "Part of the username or email address")
  @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based page (default 1)")
  @Parameter(name = "pageSize", in = ParameterIn.QUERY, description = "Default 25, maximum 100")
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
  @Operation(
      summary =
          "Create a user who is a member of this site; without a password the response carries"
              + " a one-time temporary password")
  @RequestBody(required = true)
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_ERROR: username or email invalid or taken, weak password, role")
  @APIResponse(responseCode = "403", description = "FORBIDDEN")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
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
  @Operation(summary = "Add an existing user (by username) to this site with a role")
  @RequestBody(required = true)
  @APIResponse(responseCode = "201", description = "Added")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: role or username missing")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user, or not this site")
  @APIResponse(responseCode = "409", description = "ALREADY_MEMBER")
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
  @Path("/{userId}")
  @Operation(summary = "One user of this site")
  @APIResponse(responseCode = "200", description = "The user with their role here")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: not a member of this site")
  public ApiResponse<UserView> get(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.get(userId));
  }

  @PATCH
  @Path("/{userId}")
  @Operation(summary = "Change a user's email address")
  @RequestBody(required = true)
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: invalid or taken")
  @APIResponse(
      responseCode = "403",
      description = "FORBIDDEN, or USER_OF_OTHER_SITES: the account also works elsewhere")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> change(
      @PathParam("siteId") long siteId,
      @PathParam("userId") long userId,
      UserAdminRequests.UserChange body) {
    RequestBodies.required(body);
    return ApiResponse.of(users.changeEmail(userId, body.toInput()));
  }

  @POST
  @Path("/{userId}/deactivate")
  @Operation(summary = "Deactivate the account: it cannot log in, its sessions end")
  @APIResponse(responseCode = "200", description = "Deactivated")
  @APIResponse(responseCode = "403", description = "FORBIDDEN or USER_OF_OTHER_SITES")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CONFLICT: your own account")
  public ApiResponse<UserView> deactivate(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.setActive(userId, false));
  }

  @POST
  @Path("/{userId}/reactivate")
  @Operation(summary = "Reactivate a deactivated account")
  @APIResponse(responseCode = "200", description = "Active again")
  @APIResponse(responseCode = "403", description = "FORBIDDEN or USER_OF_OTHER_SITES")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> reactivate(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.setActive(userId, true));
  }

  @POST
  @Path("/{userId}/unlock")
  @Operation(summary = "End a lockout after failed logins")
  @APIResponse(responseCode = "200", description = "Unlocked")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> unlock(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.unlock(userId));
  }

  @POST
  @Path("/{userId}/password-reset")
  @Operation(
      summary =
          "Give the user a one-time temporary password (in the response); it must be changed at"
              + " the next login, and open sessions end")
  @APIResponse(responseCode = "200", description = "The user and the temporary password")
  @APIResponse(responseCode = "403", description = "FORBIDDEN or USER_OF_OTHER_SITES")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView.WithPassword> resetPassword(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.resetPassword(userId));
  }

  @PUT
  @Path("/{userId}/role")
  @Operation(summary = "Change the user's role at this site (applies at their next request)")
  @RequestBody(required = true)
  @APIResponse(responseCode = "200", description = "Changed")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: unknown role")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> changeRole(
      @PathParam("siteId") long siteId,
      @PathParam("userId") long userId,
      UserAdminRequests.RoleChange body) {
    RequestBodies.required(body);
    return ApiResponse.of(users.changeRole(userId, body.toInput()));
  }

  @DELETE
  @Path("/{userId}")
  @Operation(summary = "Remove the user from this site (the account stays)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(responseCode = "409", description = "LAST_MEMBERSHIP: their only site")
  public Response remove(@PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    users.removeMember(userId);
    return Response.noContent().build();
  }
}
