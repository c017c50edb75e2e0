package org.ims.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rate limits of the REST API, before any work is done: every request counts against its address's
 * and its user's allowance, writes also against the write allowances, and sign-in requests (login,
 * refresh) against the sign-in allowance of the address. Every answer says how much is left ({@code
 * X-RateLimit-*}, for the allowance closest to running out); a request over an allowance is
 * answered 429 with {@code Retry-After} and the error envelope, and not served.
 *
 * <p>Mapped to {@code /api/*} only: health, metrics, static resources and pages are not limited
 * here (the login page counts attempts through the same sign-in allowances in {@code
 * org.ims.auth.LoginRateLimiter}). The user is the verified bearer token's subject, known here
 * because the server checks the token before any filter runs.
 */
public class ApiRateLimitFilter extends HttpFilter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> SIGN_IN = Set.of("/auth/login", "/auth/refresh");

  @Inject RateLimiter limiter;
  @Inject RateLimitSettings limits;

  private record Charge(RateLimit limit, String key) {}

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!limits.enabled()) {
      chain.doFilter(request, response);
      return;
    }
    RateLimiter.Decision shown = null;
    for (Charge charge : charges(request)) {
      RateLimiter.Decision decision = limiter.take(charge.limit(), charge.key());
      shown = shown == null ? decision : shown.tighter(decision);
      if (!decision.allowed()) {
        break;
      }
    }
    shown.headers().forEach(response::setHeader);
    if (!shown.allowed()) {
      // The error page writes the envelope, as for every refusal outside JAX-RS.
      ErrorPageServlet.refuse(request, response, shown.refusal("Too many requests."));
      return;
    }
    chain.doFilter(request, response);
  }

  private List<Charge> charges(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    String user = user(request.getUserPrincipal());
    List<Charge> charges = new ArrayList<>(5);
    charges.add(new Charge(limits.requestsPerIp(), address));
    if (user != null) {
      charges.add(new Charge(limits.requestsPerUser(), user));
    }
    if (isSignIn(request)) {
      charges.add(new Charge(limits.loginsPerIp(), address));
    } else if (WRITES.contains(request.getMethod())) {
      charges.add(new Charge(limits.writesPerIp(), address));
      if (user != null) {
        charges.add(new Charge(limits.writesPerUser(), user));
      }
    }
    return charges;
  }

  private static String user(Principal principal) {
    if (principal instanceof JsonWebToken token) {
      return token.getSubject();
    }
    return principal == null ? null : principal.getName();
  }

  private static boolean isSignIn(HttpServletRequest request) {
    // Path info under /api, also through the /api/v1 alias.
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String route = path.replaceFirst("^/api(/v1)?", "").replaceFirst("/+$", "");
    return "POST".equals(request.getMethod()) && SIGN_IN.contains(route);
  }
}
