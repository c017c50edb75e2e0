package org.ims.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The name of what a request asked for, as the access log and the request metrics record it: from a
 * bounded set, so that neither holds a record's id, a search, or whatever path a scanner tries. API
 * operations are named by their path template ({@link RouteTemplateFilter}), pages by their view,
 * static files by their folder; everything else answered 404 or 405 is {@value #UNMATCHED}.
 */
final class RouteName {

  static final String UNMATCHED = "UNMATCHED";

  /** API requests refused before an operation was matched (token, rate limit, body size). */
  static final String API_UNMATCHED = "/api/*";

  static final String OTHER = "OTHER";

  private static final Set<String> EXACT =
      Set.of(
          "/",
          "/error",
          "/health",
          "/health/live",
          "/health/ready",
          "/health/started",
          "/metrics",
          "/openapi");

  private static final List<String> STATIC_FOLDERS =
      List.of("/jakarta.faces.resource/", "/resources/", "/webjars/", "/api-docs/");

  private RouteName() {}

  static String of(HttpServletRequest request, int status) {
    Object template = request.getAttribute(RouteTemplateFilter.ATTRIBUTE);
    if (template != null) {
      return template.toString();
    }
    if (status == 404 || status == 405) {
      return UNMATCHED;
    }
    return of(path(request), view -> exists(request, view));
  }

  /** The path within the application; on the error page, that of the request that failed. */
  private static String path(HttpServletRequest request) {
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (request.getDispatcherType() == DispatcherType.ERROR && failed != null) {
      String uri = failed.toString();
      return uri.startsWith(request.getContextPath())
          ? uri.substring(request.getContextPath().length())
          : uri;
    }
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  static String of(String path, Predicate<String> viewExists) {
    if (path.equals("/api") || path.startsWith("/api/")) {
      return API_UNMATCHED;
    }
    if (EXACT.contains(path)) {
      return path;
    }
    for (String folder : STATIC_FOLDERS) {
      if (path.startsWith(folder)) {
        return folder + "*";
      }
    }
    // Pages are named by their view, if the WAR has it: the login redirect answers any *.xhtml.
    if (path.endsWith(".xhtml") && viewExists.test(path)) {
      return path;
    }
    return OTHER;
  }

  private static boolean exists(HttpServletRequest request, String view) {
    try {
      return request.getServletContext().getResource(view) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
