package org.ims.auth;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.ims.platform.ApiException;
import org.ims.site.SiteContext;

/**
 * Pages require a logged-in web session, checked against the database at every request (a logout
 * elsewhere, a removed membership or a changed role apply at once). A visitor without one goes to
 * the login page and comes back to the page asked for; an expired session says so.
 */
public class PageAuthenticationFilter extends HttpFilter {

  private static final Set<String> PUBLIC_PAGES = Set.of(AuthPages.LOGIN, "/error");

  @Inject WebSession web;
  @Inject RequestAuthentication authentication;
  @Inject SiteContext context;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (PUBLIC_PAGES.contains(path) || path.startsWith("/jakarta.faces.resource/")) {
      chain.doFilter(request, response);
      return;
    }
    // Asked before the session is first touched: the server may give a new session the id the
    // browser sent for its expired one, which then reads as valid.
    boolean expired =
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    if (!web.isLoggedIn()) {
      toLogin(request, response, expired);
      return;
    }
    try {
      authentication.establish(web.userId(), web.sessionId(), web.siteId());
    } catch (ApiException refused) {
      if (refused.status() == 403) {
        // The active site was taken away: let the user pick one they still have.
        web.useSite(null);
        redirect(request, response, AuthPages.SELECT_SITE);
      } else {
        invalidate(request);
        toLogin(request, response, true);
      }
      return;
    }
    if (context.passwordChangeRequired() && !path.equals(AuthPages.CHANGE_PASSWORD)) {
      redirect(request, response, AuthPages.CHANGE_PASSWORD);
      return;
    }
    chain.doFilter(request, response);
  }

  private void toLogin(HttpServletRequest request, HttpServletResponse response, boolean expired)
      throws IOException {
    String asked = request.getServletPath();
    if ("GET".equals(request.getMethod())) {
      if (request.getQueryString() != null) {
        asked += "?" + request.getQueryString();
      }
    } else {
      // A form sent from a page (Save, a row action) goes to the page's own address, which names
      // the record; the page it came from says which that is.
      asked = pageSentFrom(request).orElse(asked);
    }
    redirect(
        request,
        response,
        AuthPages.LOGIN
            + "?next="
            + URLEncoder.encode(asked, StandardCharsets.UTF_8)
            + (expired ? "&expired=true" : ""));
  }

  /**
   * The page of this application a form was sent from, as its path and query: the Referer, when it
   * names a page of this server and application (browsers send it within the origin).
   */
  private static Optional<String> pageSentFrom(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return Optional.empty();
    }
    try {
      URI from = new URI(referer);
      String prefix = request.getContextPath() + "/";
      if (!request.getServerName().equalsIgnoreCase(from.getHost())
          || from.getRawPath() == null
          || !from.getRawPath().startsWith(prefix)
          || !from.getRawPath().endsWith(".xhtml")) {
        return Optional.empty();
      }
      String page = from.getRawPath().substring(request.getContextPath().length());
      String next = from.getRawQuery() == null ? page : page + "?" + from.getRawQuery();
      return next.equals(AuthPages.safeNext(next)) ? Optional.of(next) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** A plain redirect, or for a Faces Ajax request the partial response that makes one. */
  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    String url = request.getContextPath() + path;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + url.replace("&", "&amp;").replace("\"", "&quot;")
                  + "\"/></partial-response>");
    } else {
      response.sendRedirect(url);
    }
  }

  private static void invalidate(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
