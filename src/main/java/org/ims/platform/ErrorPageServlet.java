package org.ims.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (see web.xml) for failures outside JAX-RS: unknown addresses, what a
 * filter refuses ({@link #refuse}), and anything a page throws. API addresses get the JSON error
 * envelope; pages get a short, plain page. Neither ever shows a stack trace; unexpected failures
 * are logged with the request id.
 */
@WebServlet(name = "ErrorPage", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Request attribute: the refusal a filter answered with. */
  private static final String REFUSAL = ErrorPageServlet.class.getName() + ".refusal";

  /**
   * Answers a request refused before it reached JAX-RS or a page with this page: the refusal's
   * status, its headers, and its code, message and details in the envelope (API) or page.
   */
  public static void refuse(
      HttpServletRequest request, HttpServletResponse response, ApiException refusal)
      throws IOException {
    request.setAttribute(REFUSAL, refusal);
    refusal.headers().forEach(response::setHeader);
    response.sendError(refusal.status());
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : 404;
    // The server's authentication step (bearer token checks) runs before any filter: a request
    // refused there comes here first, and gets its id from RequestIdFilter's error-page pass.
    Object assigned = request.getAttribute(RequestId.ATTRIBUTE);
    String requestId =
        assigned != null
            ? assigned.toString()
            : RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
    response.setHeader(RequestId.HEADER, requestId);
    ApiException refusal = refusal(request, status, requestId);
    status = refusal.status();
    refusal.headers().forEach(response::setHeader);
    String path = failedPath(request);

    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    response.setCharacterEncoding("UTF-8");
    if (path.startsWith(request.getContextPath() + "/api/") || wantsJson(request)) {
      response.setContentType("application/json");
      response
          .getWriter()
          .write(
              JSONB.toJson(
                  ErrorEnvelope.of(
                      refusal.code(), refusal.getMessage(), refusal.details(), requestId)));
    } else {
      response.setContentType("text/html");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                  + status
                  + "</title></head><body><main><h1>"
                  + escaped(refusal.getMessage())
                  + "</h1><p>Reference: "
                  + requestId.replaceAll("[^A-Za-z0-9._:-]", "")
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/\">Back to the start page</a></p></main></body></html>");
    }
  }

  /** What to answer: a filter's refusal, what the failure means, or the status's own words. */
  private static ApiException refusal(HttpServletRequest request, int status, String requestId) {
    if (request.getAttribute(REFUSAL) instanceof ApiException refusal) {
      return refusal;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      if (isUnrestorableForm(failure)) {
        // A form whose view state this server does not know: it expired, it was forged on
        // another site (CSRF), or it names no state at all. Either way nothing was done.
        return new ApiException(
            ErrorCode.BAD_REQUEST,
            "This form has expired or did not come from this application. Reload the page and"
                + " try again.");
      }
      if (isStaticFile(request) && anyCause(failure, t -> t instanceof FileNotFoundException)) {
        // Open Liberty's static file servlet reports a missing file (a browser's /favicon.ico)
        // by throwing, where Payara answers 404.
        return new ApiException(ErrorCode.NOT_FOUND, ErrorCode.messageFor(404));
      }
      Optional<ApiException> unavailable = DatabaseUnavailable.refusalFor(failure, requestId);
      if (unavailable.isPresent()) {
        return unavailable.get();
      }
      LOG.log(Level.SEVERE, "Unexpected failure, requestId=" + requestId, failure);
      return new ApiException(ErrorCode.INTERNAL_ERROR, ErrorCode.messageFor(500));
    }
    if (status == 401) {
      return new ApiException(
          ErrorCode.UNAUTHORIZED,
          "The bearer token is not valid: tampered, expired, or from another issuer.",
          List.of());
    }
    return new ApiException(ErrorCode.forStatus(status), ErrorCode.messageFor(status));
  }

  /**
   * An expired or foreign view state, or one the server cannot restore at all (a "stateless" marker
   * on a page that keeps state: Mojarra reports that as a plain FacesException).
   */
  private static boolean isUnrestorableForm(Throwable failure) {
    return anyCause(
        failure,
        t ->
            t instanceof ViewExpiredException
                || (t.getClass().getName().startsWith("jakarta.faces.")
                    && t.getMessage() != null
                    && t.getMessage().contains("Unable to restore view")));
  }

  /** The address the failed request asked for (not this page's). */
  private static String failedPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }

  /** An address served by the server's file servlet: neither a page nor the API. */
  private static boolean isStaticFile(HttpServletRequest request) {
    String path = failedPath(request);
    return !path.endsWith(".xhtml") && !path.startsWith(request.getContextPath() + "/api/");
  }

  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
