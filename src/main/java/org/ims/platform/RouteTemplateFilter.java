package org.ims.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names the API operation a request matched by its path template ({@code /api/interactions/{id}}),
 * for the access log and the request metrics: the concrete path is unbounded and may identify
 * records, the template is neither. Only JAX-RS knows the match; the template travels to {@link
 * RequestIdFilter} as a request attribute. Runs before authentication, so refused requests are
 * named too. Requests under the {@code /api/v1} alias get the same name.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RouteTemplateFilter implements ContainerRequestFilter {

  /** Request attribute holding the matched template. */
  static final String ATTRIBUTE = RouteTemplateFilter.class.getName();

  private static final String ROOT =
      "/" + strip(ImsApplication.class.getAnnotation(ApplicationPath.class).value());
  private static final Pattern PARAMETER_PATTERN =
      Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
  private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method != null) {
      request.setProperty(
          ATTRIBUTE,
          TEMPLATES.computeIfAbsent(method, m -> template(resource.getResourceClass(), m)));
    }
  }

  static String template(Class<?> resourceClass, Method method) {
    StringBuilder template = new StringBuilder(ROOT);
    for (AnnotatedElement element : new AnnotatedElement[] {pathOwner(resourceClass), method}) {
      Path path = element == null ? null : element.getAnnotation(Path.class);
      if (path != null && !strip(path.value()).isEmpty()) {
        template.append('/').append(strip(path.value()));
      }
    }
    // {id: [0-9]+} names the same parameter as {id}; the expression is noise in a name.
    return PARAMETER_PATTERN.matcher(template).replaceAll("{$1}");
  }

  /** The class carrying @Path: the resource itself, or the class a container proxy extends. */
  private static Class<?> pathOwner(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(Path.class)) {
        return c;
      }
    }
    return null;
  }

  private static String strip(String path) {
    String stripped = path.trim();
    while (stripped.startsWith("/")) {
      stripped = stripped.substring(1);
    }
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }
}
