package org.ims.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (see web.xml) for failures outside JAX-RS: unknown addresses and
 * anything a page or filter throws. API addresses get the JSON error envelope; pages get a short,
 * plain page. Neither ever shows a stack trace; unexpected failures are logged with the request id.
 */
@WebServlet(name = "ErrorPage", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

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
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String message = null;
    if (failure instanceof Throwable t && isExpiredView(t)) {
      // A form whose view state this server does not know: it expired, or it was forged on
      // another site (CSRF). Either way nothing was done.
      status = 400;
      message =
          "This form has expired or did not come from this application. Reload the page and try again.";
    } else if (failure instanceof Throwable t && StatementTimeout.isCause(t)) {
      // A page whose statement the database cancelled: nothing was changed, try again.
      ApiException refusal = StatementTimeout.refusal();
      status = refusal.status();
      message = refusal.getMessage();
      refusal.headers().forEach(response::setHeader);
      LOG.warning(() -> "A statement ran into the statement timeout, requestId=" + requestId);
    } else if (failure instanceof Throwable t) {
      status = 500;
      LOG.log(Level.SEVERE, "Unexpected failure, requestId=" + requestId, t);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();

    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    response.setCharacterEncoding("UTF-8");
    if (path.startsWith(request.getContextPath() + "/api/") || wantsJson(request)) {
      response.setContentType("application/json");
      ErrorEnvelope body =
          status == 401
              ? ErrorEnvelope.of(
                  ErrorCode.UNAUTHORIZED,
                  "The bearer token is not valid: tampered, expired, or from another issuer.",
                  List.of(),
                  requestId)
              : ErrorEnvelope.forStatus(status, requestId);
      response.getWriter().write(JSONB.toJson(body));
    } else {
      response.setContentType("text/html");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                  + status
                  + "</title></head><body><main><h1>"
                  + (message != null ? message : ErrorCode.messageFor(status))
                  + "</h1><p>Reference: "
                  + requestId.replaceAll("[^A-Za-z0-9._:-]", "")
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/\">Back to the start page</a></p></main></body></html>");
    }
  }

  private static boolean isExpiredView(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
