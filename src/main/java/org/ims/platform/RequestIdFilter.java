package org.ims.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * First filter of every request: assigns the request id (echoed in the response header), makes it
 * and the client's address available as {@link CurrentRequest}, and writes one access-log line when
 * the request is done, with its method, path, status and duration. First in web.xml's filter order.
 */
public class RequestIdFilter extends HttpFilter {

  private static final Logger ACCESS_LOG = Logger.getLogger("org.ims.access");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
    request.setAttribute(RequestId.ATTRIBUTE, id);
    response.setHeader(RequestId.HEADER, id);
    CurrentRequest.bind(id, request.getRemoteAddr());
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      // The path without the query string: query parameters may carry search text.
      ACCESS_LOG.info(
          () ->
              String.format(
                  "%s %s %d %dms requestId=%s",
                  request.getMethod(), request.getRequestURI(), response.getStatus(), millis, id));
      CurrentRequest.unbind();
    }
  }
}
