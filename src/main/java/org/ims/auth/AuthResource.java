package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.auth.AuthViews.MeView;
import org.ims.auth.AuthViews.SessionView;
import org.ims.auth.AuthViews.SiteView;
import org.ims.auth.AuthViews.UserView;
import org.ims.platform.ApiException;
import org.ims.platform.ApiResponse;
import org.ims.platform.ErrorCode;
import org.ims.platform.ErrorEnvelope.FieldError;
import org.ims.platform.RequestBodies;
import org.ims.site.Membership;
import org.ims.site.MembershipService;
import org.ims.site.SiteContext;
import org.ims.site.SiteSelection;
import org.ims.user.UserDirectory;

/** Login, tokens, the caller's sites and site switching. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Authentication")
public class AuthResource {

  // Request bodies describe the JSON's shape (public fields of classes, which Payara's OpenAPI
  // generator reads); the services validate what they carry.

  /** Credentials. */
  @Schema(name = "LoginInput")
  public static class LoginRequest {
    @Schema(required = true, maxLength = 100, example = "editor")
    public String username;

    @Schema(required = true, maxLength = 1000, format = "password")
    public String password;
  }

  /** A refresh token to trade. */
  @Schema(name = "RefreshInput")
  public static class RefreshRequest {
    @Schema(required = true)
    public String refreshToken;
  }

  /** A site, by id. */
  @Schema(name = "SiteChoiceInput")
  public static class SiteRequest {
    @Schema(required = true, example = "2")
    public Long siteId;
  }

  /** The current password and the new one. */
  @Schema(name = "PasswordChangeInput")
  public static class PasswordChangeRequest {
    @Schema(required = true, format = "password")
    public String currentPassword;

    @Schema(required = true, format = "password")
    public String newPassword;
  }

  @Inject LoginService logins;
  @Inject SessionService sessions;
  @Inject MembershipService memberships;
  @Inject PasswordService passwords;
  @Inject SiteContext context;
  @Inject SiteSelection siteSelection;
  @Inject UserDirectory users;

  @POST
  @Path("/login")
  @PublicEndpoint
  @Operation(summary = "Log in with a username and password; returns tokens and the user's sites")
  @APIResponse(responseCode = "200", description = "Logged in")
  @APIResponse(responseCode = "400", description = "Username or password missing")
  @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS")
  @APIResponse(
      responseCode = "403",
      description = "NO_ACTIVE_SITE: every site of the user is deactivated")
  @APIResponse(responseCode = "423", description = "ACCOUNT_LOCKED after too many failures")
  @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
  public ApiResponse<SessionView> login(LoginRequest body) {
    RequestBodies.required(body);
    LoginResult result = logins.login(new LoginService.Credentials(body.username, body.password));
    if (result instanceof LoginResult.Success success) {
      return ApiResponse.of(
          SessionView.of(
              sessions.openApiSession(success.user(), success.site(), success.sites()),
              success.passwordChangeRequired()));
    }
    if (result instanceof LoginResult.Locked locked) {
      throw lockedError(locked.until());
    }
    if (result instanceof LoginResult.NoActiveSite) {
      throw new ApiException(
          ErrorCode.NO_ACTIVE_SITE, "None of your sites is active. Contact your administrator.");
    }
    throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Invalid username or password.");
  }

  @POST
  @Path("/refresh")
  @PublicEndpoint
  @Operation(summary = "Trade a refresh token (once) for new tokens")
  @APIResponse(responseCode = "200", description = "New access and refresh tokens")
  @APIResponse(
      responseCode = "401",
      description = "INVALID_REFRESH_TOKEN: unknown, expired, used or revoked")
  @APIResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
  public ApiResponse<SessionView> refresh(RefreshRequest body) {
    RequestBodies.required(body);
    SessionService.Tokens tokens =
        sessions
            .refresh(body.refreshToken)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.INVALID_REFRESH_TOKEN,
                        "This refresh token is not valid any more. Log in again."));
    return ApiResponse.of(SessionView.of(tokens, false));
  }

  @GET
  @Path("/me")
  @AllowedDuringPasswordChange
  @Operation(summary = "The caller, their sites and the active site")
  public ApiResponse<MeView> me() {
    List<Membership> sites = memberships.activeMemberships(context.userId());
    Membership current = find(sites, context.siteId());
    return ApiResponse.of(
        new MeView(
            UserView.of(users.find(context.userId()).orElseThrow(), sites),
            SiteView.of(current),
            context.passwordChangeRequired()));
  }

  @GET
  @Path("/sites")
  @Operation(summary = "The active sites the caller belongs to, with their role at each")
  public ApiResponse<List<SiteView>> sites() {
    return ApiResponse.of(
        memberships.activeMemberships(context.userId()).stream().map(SiteView::of).toList());
  }

  @POST
  @Path("/site")
  @Operation(summary = "Switch the active site; returns tokens whose active site is that site")
  @APIResponse(responseCode = "200", description = "New tokens for the chosen site")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of that site")
  public ApiResponse<SessionView> switchSite(SiteRequest body) {
    RequestBodies.required(body);
    Membership target = siteSelection.switchTo(context.actor(), context.siteId(), body.siteId);
    SessionService.Tokens tokens =
        sessions.switchSite(
            context.sessionId(),
            users.find(context.userId()).orElseThrow(),
            target,
            memberships.activeMemberships(context.userId()));
    return ApiResponse.of(SessionView.of(tokens, context.passwordChangeRequired()));
  }

  @POST
  @Path("/default-site")
  @Operation(summary = "Make one of the caller's sites the one they start at")
  @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of that site")
  public ApiResponse<List<SiteView>> defaultSite(SiteRequest body) {
    RequestBodies.required(body);
    siteSelection.makeDefault(context.actor(), body.siteId);
    return sites();
  }

  @POST
  @Path("/logout")
  @AllowedDuringPasswordChange
  @Operation(summary = "End the session: its access and refresh tokens stop working at once")
  @APIResponse(responseCode = "204", description = "Logged out")
  public void logout() {
    sessions.logout(context.sessionId(), context.actor());
  }

  @POST
  @Path("/password")
  @AllowedDuringPasswordChange
  @Operation(
      summary =
          "Change the caller's password (at least 8 characters with upper and lower case, a digit"
              + " and a symbol; none of the last 5)")
  @APIResponse(responseCode = "204", description = "Changed")
  @APIResponse(responseCode = "400", description = "VALIDATION_ERROR with the rules not met")
  public void changePassword(PasswordChangeRequest body) {
    RequestBodies.required(body);
    passwords.changeOwnPassword(
        new PasswordService.PasswordChange(body.currentPassword, body.newPassword));
  }

  private static Membership find(List<Membership> sites, Long siteId) {
    return sites.stream().filter(m -> m.site().id().equals(siteId)).findFirst().orElseThrow();
  }

  static ApiException lockedError(Instant until) {
    long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
    return new ApiException(
            ErrorCode.ACCOUNT_LOCKED,
            "This account is locked after too many failed attempts. It unlocks at " + until + ".",
            List.of(new FieldError("lockedUntil", until.toString())))
        .withHeader("Retry-After", Long.toString(seconds));
  }
}
