package org.ims.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * What every request is refused for before any work is done, on the API and the pages alike,
 * through the one error page:
 *
 * <ul>
 *   <li>TRACE (405, and the connection is closed): echoing a request helps no client, and a TRACE
 *       body left unread on a kept-alive connection would be parsed as a second request;
 *   <li>an address over {@value #MAX_URI} characters (414): no search needs more;
 *   <li>query or form parameters the system cannot store (400 naming the parameter): a NUL, or a
 *       query string that is not UTF-8 (the container would otherwise read it as U+FFFD).
 * </ul>
 *
 * JSON bodies are checked by {@link StrictJsonBodyReader}.
 */
public class RequestGuardFilter extends HttpFilter {

  static final int MAX_URI = 8192;

  /** How much of a refused TRACE body is read off the connection before it is closed anyway. */
  private static final int DRAIN_LIMIT = 64 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("TRACE".equals(request.getMethod())) {
      drain(request.getInputStream());
      response.setHeader("Connection", "close");
      ErrorPageServlet.refuse(
          request,
          response,
          new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "TRACE is not supported by this server.")
              .withHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
      return;
    }
    String query = request.getQueryString();
    int length = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (length > MAX_URI) {
      ErrorPageServlet.refuse(
          request,
          response,
          new ApiException(
              ErrorCode.URI_TOO_LONG,
              "The address is over " + MAX_URI + " characters: shorten the search or filters."));
      return;
    }
    List<FieldError> problems = new ArrayList<>(queryProblems(query));
    if (problems.isEmpty()) {
      problems.addAll(parameterProblems(request.getParameterMap()));
    }
    if (!problems.isEmpty()) {
      ErrorPageServlet.refuse(
          request, response, ApiException.invalid("Some parameters are not valid.", problems));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Each parameter of the raw query string whose bytes are not UTF-8 text the system stores. */
  static List<FieldError> queryProblems(String query) {
    List<FieldError> problems = new ArrayList<>();
    if (query == null) {
      return problems;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String rawName = equals < 0 ? pair : pair.substring(0, equals);
      String name = decode(rawName);
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      String label = name == null ? rawName : name;
      if (name == null || value == null) {
        problems.add(new FieldError(label, "This parameter is not valid UTF-8 text."));
      } else {
        String problem = TextRules.unstorable(name + value);
        if (problem != null) {
          problems.add(new FieldError(label, problem));
        }
      }
    }
    return problems;
  }

  private static List<FieldError> parameterProblems(Map<String, String[]> parameters) {
    List<FieldError> problems = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          for (String value : values) {
            String problem = TextRules.unstorable(name + value);
            if (problem != null) {
              problems.add(new FieldError(name.replace("\0", ""), problem));
              return;
            }
          }
        });
    return problems;
  }

  /** Percent-decodes form encoding, strictly: null for bytes that are not UTF-8. */
  private static String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == '%') {
        int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int codePoint = encoded.codePointAt(i);
        byte[] utf8 =
            (c == '+' ? " " : new String(Character.toChars(codePoint)))
                .getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void drain(InputStream body) {
    byte[] buffer = new byte[8192];
    int left = DRAIN_LIMIT;
    try {
      int n;
      while (left > 0 && (n = body.read(buffer, 0, Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: the connection is closed anyway
    }
  }
}
