package org.ims.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
    String requestId = String.valueOf(request.getAttribute(RequestId.ATTRIBUTE));
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable t) {
      status = 500;
      LOG.log(Level.SEVERE, "Unexpected failure, requestId=" + requestId, t);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();

    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    if (path.startsWith(request.getContextPath() + "/api/") || wantsJson(request)) {
      response.setContentType("application/json");
      response.getWriter().write(JSONB.toJson(ErrorEnvelope.forStatus(status, requestId)));
    } else {
      response.setContentType("text/html");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                  + status
                  + "</title></head><body><main><h1>"
                  + ErrorEnvelope.messageFor(status)
                  + "</h1><p>Reference: "
                  + requestId.replaceAll("[^A-Za-z0-9._:-]", "")
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/\">Back to the start page</a></p></main></body></html>");
    }
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("text/html");
  }
}
