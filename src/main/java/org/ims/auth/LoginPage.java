package org.ims.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.ims.platform.CurrentRequest;
import org.ims.platform.Pages;
import org.ims.site.Membership;

/** The login page. */
@Named
@RequestScoped
public class LoginPage {

  private static final DateTimeFormatter UNLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

  @Inject LoginService logins;
  @Inject SessionService sessions;
  @Inject WebSession web;
  @Inject HttpServletRequest request;
  @Inject LoginRateLimiter rateLimiter;

  private String username;
  private String password;
  private String next;
  private boolean expired;
  private boolean loggedOut;

  public void login() {
    LoginResult result =
        Pages.attempt(
                "login",
                () -> {
                  // The REST sign-in routes are counted per address before they run; this page
                  // is counted here.
                  rateLimiter.checkAddress(CurrentRequest.clientAddress());
                  return logins.login(new LoginService.Credentials(username, password));
                })
            .orElse(null);
    if (result == null) {
      return;
    }
    if (result instanceof LoginResult.Success success) {
      // A new session id at login: a session id planted before it is worth nothing.
      request.changeSessionId();
      UUID session = sessions.openWebSession(success.user());
      web.begin(success.user().id(), session, success.site().site().id());
      Pages.redirect(destination(success));
    } else if (result instanceof LoginResult.Locked locked) {
      Pages.error(
          "This account is locked after too many failed attempts. Try again after "
              + UNLOCK_TIME.format(locked.until().atZone(Pages.userZone()))
              + " ("
              + Pages.userZoneName()
              + " time).");
    } else if (result instanceof LoginResult.NoActiveSite) {
      Pages.error("None of your sites is active. Contact your administrator.");
    } else {
      Pages.error("Invalid username or password.");
    }
  }

  private String destination(LoginResult.Success success) {
    String target = AuthPages.safeNext(next);
    if (success.passwordChangeRequired()) {
      return AuthPages.CHANGE_PASSWORD;
    }
    boolean mustChoose =
        success.sites().size() > 1 && success.sites().stream().noneMatch(Membership::defaultSite);
    return mustChoose
        ? AuthPages.SELECT_SITE + "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
        : target;
  }

  /** Why the visitor is here, if the address says so. */
  public String getNotice() {
    if (expired) {
      return "Your session has expired. Log in again to continue.";
    }
    return loggedOut ? "You have been logged out." : null;
  }

  /** The page the login returns to, as the page script compares it with its own address. */
  public String getReturnPath() {
    return AuthPages.safeNext(next);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public boolean isExpired() {
    return expired;
  }

  public void setExpired(boolean expired) {
    this.expired = expired;
  }

  public boolean isLoggedOut() {
    return loggedOut;
  }

  public void setLoggedOut(boolean loggedOut) {
    this.loggedOut = loggedOut;
  }
}
