package org.ims.site;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The check of {@link ActiveSitePath}: after authentication (which established the active site),
 * before the operation. A site id that is not a number names no site of the caller's either.
 */
@Provider
@ActiveSitePath
@Priority(Priorities.AUTHORIZATION)
public class ActiveSitePathFilter implements ContainerRequestFilter {

  @Inject SiteContext context;

  @Override
  public void filter(ContainerRequestContext request) {
    String value = request.getUriInfo().getPathParameters().getFirst(ActiveSitePath.PARAMETER);
    try {
      context.requireActiveSite(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw context.notFound("Site", value, "There is no site " + value + " for you.");
    }
  }
}
