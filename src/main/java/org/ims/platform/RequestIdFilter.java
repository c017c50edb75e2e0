package org.ims.platform;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * First filter of every request: assigns the request id (echoed in the response header), makes it
 * and the client's address available as {@link CurrentRequest}, and when the request is done writes
 * one access-log line and updates the request metrics, both naming the operation by its template
 * ({@link RouteName}). First in web.xml's filter order, for requests and error pages.
 *
 * <p>The error page takes part in three cases. A request refused before any filter (a bad bearer
 * token) arrives there first: it is handled like a new request. A request whose chain threw is
 * finished there, since only the error page decides its status (400 for an expired form, else 500).
 * Otherwise the request was logged already, and its error page only runs under its id.
 */
public class RequestIdFilter extends HttpFilter {

  private static final Logger ACCESS_LOG = Logger.getLogger("org.ims.access");

  /** Request attribute: start time of a request whose chain threw, finished by its error page. */
  private static final String UNFINISHED = RequestIdFilter.class.getName() + ".unfinished";

  @Inject HttpMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
    Object assigned = request.getAttribute(RequestId.ATTRIBUTE);
    if (errorPage && assigned != null) {
      Object unfinished = request.getAttribute(UNFINISHED);
      CurrentRequest.bind(assigned.toString(), request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        if (unfinished != null) {
          request.removeAttribute(UNFINISHED);
          finish(request, response.getStatus(), (Long) unfinished);
        }
        CurrentRequest.unbind();
      }
      return;
    }
    String id = RequestId.acceptOrGenerate(request.getHeader(RequestId.HEADER));
    request.setAttribute(RequestId.ATTRIBUTE, id);
    response.setHeader(RequestId.HEADER, id);
    CurrentRequest.bind(id, request.getRemoteAddr());
    long start = System.nanoTime();
    boolean completed = false;
    try {
      chain.doFilter(request, response);
      completed = true;
    } finally {
      if (completed) {
        finish(request, response.getStatus(), start);
      } else if (errorPage) {
        finish(request, 500, start);
      } else {
        request.setAttribute(UNFINISHED, start);
      }
      CurrentRequest.unbind();
    }
  }

  private void finish(HttpServletRequest request, int status, long start) {
    Duration duration = Duration.ofNanos(System.nanoTime() - start);
    String route = RouteName.of(request, status);
    metrics.record(request.getMethod(), route, status, duration);
    if (ACCESS_LOG.isLoggable(Level.INFO)) {
      ACCESS_LOG.log(
          accessRecord(
              request.getMethod(), route, status, duration.toMillis(), request.getRemoteAddr()));
    }
  }

  /**
   * Never the concrete path or the query string: ids, search words and tokens stay out of the log.
   * The request id, user and site are added like on every other line ({@link RequestLogContext}).
   * The client's address is the one behind a trusted proxy ({@link ForwardedHeadersFilter}).
   */
  private static LogRecord accessRecord(
      String method, String route, int status, long millis, String clientAddress) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("method", method);
    fields.put("path", route);
    fields.put("status", status);
    fields.put("durationMs", millis);
    fields.put("clientAddress", clientAddress);
    LogRecord record =
        new LogRecord(Level.INFO, method + " " + route + " " + status + " " + millis + "ms");
    record.setLoggerName(ACCESS_LOG.getName());
    record.setParameters(new Object[] {fields});
    return record;
  }
}
