package org.ims.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ims.platform.ApiException;
import org.ims.platform.ErrorCode;
import org.ims.site.SiteContext;

/**
 * Every REST operation not marked {@link PublicEndpoint} needs a valid bearer token. MicroProfile
 * JWT has verified its signature, issuer and expiry before this runs (and answered 401 to a bad
 * one); this filter turns the token's user, session and active site into the request's {@link
 * SiteContext}, checked against the database.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Inject RequestAuthentication authentication;
  @Inject SiteContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic()) {
      return;
    }
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required.")
          .withHeader("WWW-Authenticate", "Bearer");
    }
    try {
      authentication.establish(
          Long.valueOf(token.getSubject()),
          UUID.fromString(text(token.getClaim("sid"))),
          Long.valueOf(text(token.getClaim("site"))));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "The token lacks the claims of this API.");
    }
    if (context.passwordChangeRequired()
        && !resource.getResourceMethod().isAnnotationPresent(AllowedDuringPasswordChange.class)) {
      throw new ApiException(
          ErrorCode.PASSWORD_CHANGE_REQUIRED,
          "Your password has expired or is temporary: change it first (POST /api/auth/password).");
    }
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
            || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
  }

  private static String text(Object claim) {
    if (claim instanceof JsonString s) {
      return s.getString();
    }
    if (claim instanceof JsonNumber n) {
      return n.bigIntegerValueExact().toString();
    }
    return claim.toString();
  }
}
