package org.ims.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first filter of every request: behind a reverse proxy or load balancer that the operator
 * trusts ({@code ims.http.trusted-proxies}, see {@link TrustedProxies}), the request is seen as the
 * client sent it: {@code getRemoteAddr()} is the client's address, {@code getScheme()} and {@code
 * isSecure()} say https when the client used it. Everything after this filter (request ids and the
 * access log, rate limits, lockout, audit, security headers, JAX-RS and Faces) reads the request as
 * usual and gets the client's values. A request from any other peer is passed on untouched, headers
 * and all: a client cannot choose its own address or scheme.
 *
 * <p>Servlet API only, so it works alike on every Jakarta EE server. For HTTPS that the proxy
 * terminated, the container still sees plain HTTP and would set the session cookie without {@code
 * Secure}; the response wrapper adds {@code Secure} to every cookie before the response commits,
 * and makes redirects absolute with the client's scheme (the container would build {@code http://}
 * ones).
 */
public class ForwardedHeadersFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "ims.http.trusted-proxies")
  Optional<String> trustedProxiesSetting;

  private TrustedProxies trusted = TrustedProxies.none();

  @Override
  public void init() throws ServletException {
    try {
      trusted = TrustedProxies.parse(trustedProxiesSetting.orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ServletException(e.getMessage(), e);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (trusted.isEmpty() || !trusted.trusts(request.getRemoteAddr())) {
      chain.doFilter(request, response);
      return;
    }
    TrustedProxies.Origin origin =
        trusted.resolve(
            request.getRemoteAddr(),
            request.getScheme(),
            headers(request, "Forwarded"),
            headers(request, "X-Forwarded-For"),
            headers(request, "X-Forwarded-Proto"));
    ForwardedRequest forwarded = new ForwardedRequest(request, origin);
    if (!forwarded.secureOnlyOutside()) {
      chain.doFilter(forwarded, response);
      return;
    }
    SecureResponse secure = new SecureResponse(response, forwarded);
    try {
      chain.doFilter(forwarded, secure);
    } finally {
      secure.secureCookies();
    }
  }

  private static List<String> headers(HttpServletRequest request, String name) {
    return Collections.list(request.getHeaders(name));
  }

  /** The request as the client sent it to the proxy. */
  private static final class ForwardedRequest extends HttpServletRequestWrapper {

    private final TrustedProxies.Origin origin;

    ForwardedRequest(HttpServletRequest request, TrustedProxies.Origin origin) {
      super(request);
      this.origin = origin;
    }

    /** HTTPS between client and proxy, plain HTTP from the proxy to this server. */
    boolean secureOnlyOutside() {
      return "https".equals(origin.scheme()) && !super.isSecure();
    }

    @Override
    public String getRemoteAddr() {
      return origin.address();
    }

    /** The address again: never a DNS lookup of a client's address. */
    @Override
    public String getRemoteHost() {
      return origin.address();
    }

    @Override
    public String getScheme() {
      return origin.scheme();
    }

    @Override
    public boolean isSecure() {
      return "https".equals(origin.scheme());
    }

    /** The port the client used: the one in its Host header, else its scheme's default. */
    @Override
    public int getServerPort() {
      if (origin.scheme().equals(super.getScheme())) {
        return super.getServerPort();
      }
      String host = getHeader("Host");
      if (host != null) {
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
          try {
            return Integer.parseInt(host.substring(colon + 1));
          } catch (NumberFormatException e) {
            // no usable port: the scheme's default
          }
        }
      }
      return "https".equals(origin.scheme()) ? 443 : 80;
    }

    @Override
    public StringBuffer getRequestURL() {
      StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
      int port = getServerPort();
      boolean usual = port == ("https".equals(getScheme()) ? 443 : 80);
      if (!usual) {
        url.append(':').append(port);
      }
      return url.append(getRequestURI());
    }
  }

  /**
   * A response to a client that came over HTTPS to the proxy: every cookie is {@code Secure}, the
   * session cookie too, which the container writes straight into the headers. Those are rewritten
   * before anything can commit the response (each write, flush, redirect, error, and at the end).
   */
  private static final class SecureResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private ServletOutputStreamHook stream;
    private PrintWriter writer;

    SecureResponse(HttpServletResponse response, HttpServletRequest request) {
      super(response);
      this.request = request;
    }

    void secureCookies() {
      if (isCommitted()) {
        return;
      }
      List<String> cookies = new ArrayList<>(getHeaders("Set-Cookie"));
      if (cookies.stream().allMatch(SecureResponse::isSecure)) {
        return;
      }
      for (int i = 0; i < cookies.size(); i++) {
        String cookie = cookies.get(i);
        String secured = isSecure(cookie) ? cookie : cookie + "; Secure";
        if (i == 0) {
          setHeader("Set-Cookie", secured);
        } else {
          addHeader("Set-Cookie", secured);
        }
      }
    }

    private static boolean isSecure(String cookie) {
      for (String attribute : cookie.split(";")) {
        if (attribute.trim().equalsIgnoreCase("Secure")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    /**
     * Absolute, with the client's scheme and host: the container would resolve a relative location
     * against the plain-HTTP request it received.
     */
    @Override
    public void sendRedirect(String location) throws IOException {
      secureCookies();
      String absolute = location;
      try {
        absolute = URI.create(request.getRequestURL().toString()).resolve(location).toString();
      } catch (IllegalArgumentException e) {
        // not a URI reference we can resolve: the container resolves it as usual
      }
      super.sendRedirect(absolute);
    }

    @Override
    public void sendError(int status) throws IOException {
      secureCookies();
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      secureCookies();
      super.sendError(status, message);
    }

    @Override
    public void flushBuffer() throws IOException {
      secureCookies();
      super.flushBuffer();
    }

    @Override
    public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        stream = new ServletOutputStreamHook(super.getOutputStream(), this);
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        Writer target = super.getWriter();
        writer =
            new PrintWriter(
                new Writer() {
                  @Override
                  public void write(char[] chars, int offset, int length) throws IOException {
                    secureCookies();
                    target.write(chars, offset, length);
                  }

                  @Override
                  public void write(String text, int offset, int length) throws IOException {
                    secureCookies();
                    target.write(text, offset, length);
                  }

                  @Override
                  public void flush() throws IOException {
                    secureCookies();
                    target.flush();
                  }

                  @Override
                  public void close() throws IOException {
                    secureCookies();
                    target.close();
                  }
                });
      }
      return writer;
    }
  }

  /** The container's output stream, with the cookies made secure before each write. */
  private static final class ServletOutputStreamHook extends jakarta.servlet.ServletOutputStream {

    private final jakarta.servlet.ServletOutputStream target;
    private final SecureResponse response;

    ServletOutputStreamHook(jakarta.servlet.ServletOutputStream target, SecureResponse response) {
      this.target = target;
      this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
      response.secureCookies();
      target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      response.secureCookies();
      target.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      response.secureCookies();
      target.flush();
    }

    @Override
    public void close() throws IOException {
      response.secureCookies();
      target.close();
    }

    @Override
    public boolean isReady() {
      return target.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      target.setWriteListener(listener);
    }
  }
}
