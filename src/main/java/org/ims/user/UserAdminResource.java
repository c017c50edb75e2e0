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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.platform.ApiException;
import org.ims.platform.ApiResponse;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.RequestBodies;
import org.ims.user.UserAdministration.UserView;
import org.ims.user.UserAdministration.UserWithPassword;

/**
 * The users of the active site, for its ADMINISTRATORs. Another site's id, or a user who is not a
 * member of this site, answers 404; other roles get 403.
 */
@Path("/sites/{siteId}/users")
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
  public ApiResponse<List<UserView>> list(
      @PathParam("siteId") long siteId,
      @QueryParam("search") String search,
      @QueryParam("page") String page,
      @QueryParam("pageSize") String pageSize) {
    int pageNumber = number("page", page, 1, 1_000_000, 1);
    int size = number("pageSize", pageSize, 1, 100, 25);
    UserAdministration.Page result = users.list(siteId, search, pageNumber, size);
    return ApiResponse.of(
        result.items(),
        Map.of(
            "pagination",
            Map.of(
                "page", result.page(),
                "pageSize", result.pageSize(),
                "totalPages", result.totalPages(),
                "totalRecords", result.totalRecords())));
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
    UserWithPassword created =
        users.create(
            siteId,
            new UserAdministration.NewUser(
                body.username,
                body.email,
                body.role,
                body.password,
                Boolean.TRUE.equals(body.mustChangePassword)));
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
    UserView added = users.addMember(siteId, body.username, body.role);
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
    return ApiResponse.of(users.get(siteId, userId));
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
    return ApiResponse.of(users.changeEmail(siteId, userId, body.email));
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
    return ApiResponse.of(users.setActive(siteId, userId, false));
  }

  @POST
  @Path("/{userId}/reactivate")
  @Operation(summary = "Reactivate a deactivated account")
  @APIResponse(responseCode = "200", description = "Active again")
  @APIResponse(responseCode = "403", description = "FORBIDDEN or USER_OF_OTHER_SITES")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> reactivate(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.setActive(siteId, userId, true));
  }

  @POST
  @Path("/{userId}/unlock")
  @Operation(summary = "End a lockout after failed logins")
  @APIResponse(responseCode = "200", description = "Unlocked")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  public ApiResponse<UserView> unlock(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.unlock(siteId, userId));
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
  public ApiResponse<UserWithPassword> resetPassword(
      @PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    return ApiResponse.of(users.resetPassword(siteId, userId));
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
    return ApiResponse.of(users.changeRole(siteId, userId, body.role));
  }

  @DELETE
  @Path("/{userId}")
  @Operation(summary = "Remove the user from this site (the account stays)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "NOT_FOUND")
  @APIResponse(responseCode = "409", description = "LAST_MEMBERSHIP: their only site")
  public Response remove(@PathParam("siteId") long siteId, @PathParam("userId") long userId) {
    users.removeMember(siteId, userId);
    return Response.noContent().build();
  }

  private static int number(String name, String value, int min, int max, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiException(
        400,
        "VALIDATION_ERROR",
        "Some parameters are not valid.",
        List.of(new FieldError(name, "Use a whole number from " + min + " to " + max + ".")));
  }
}
