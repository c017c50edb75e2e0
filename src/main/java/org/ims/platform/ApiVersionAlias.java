package org.ims.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;

/**
 * /api/v1/… is the same API as /api/…: clients may pin the version in their URLs now, and a future
 * /api/v2 can differ. The prefix is removed before resources are matched.
 */
@Provider
@PreMatching
public class ApiVersionAlias implements ContainerRequestFilter {

  private static final String PREFIX = "v1/";

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath(false);
    String relative = path.startsWith("/") ? path.substring(1) : path;
    if (relative.startsWith(PREFIX) || relative.equals("v1")) {
      String rest = relative.length() > 2 ? relative.substring(PREFIX.length()) : "";
      request.setRequestUri(
          request.getUriInfo().getBaseUri(),
          UriBuilder.fromUri(request.getUriInfo().getRequestUri())
              .replacePath(request.getUriInfo().getBaseUri().getRawPath() + rest)
              .build());
    }
  }
}
