package org.ims.auth;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small helpers the page beans share: messages that survive a redirect, safe redirects. */
public final class Pages {

  public static final String LOGIN = "/login.xhtml";
  public static final String SELECT_SITE = "/select-site.xhtml";
  public static final String CHANGE_PASSWORD = "/change-password.xhtml";
  public static final String HOME = "/index.xhtml";

  private Pages() {}

  /**
   * Only a path inside this application may be a redirect target after login: anything else
   * ("//evil.example", "https://…") would make the login page an open redirect.
   */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.startsWith(LOGIN)) {
      return HOME;
    }
    return next;
  }

  public static void info(String message) {
    flash(FacesMessage.SEVERITY_INFO, message);
  }

  /** An error shown on the page a redirect leads to. */
  public static void flashError(String message) {
    flash(FacesMessage.SEVERITY_ERROR, message);
  }

  public static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static void warn(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, message, null));
  }

  public static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static void flash(FacesMessage.Severity severity, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(severity, message, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  /** Redirects to a path of this application and ends the Faces request. */
  public static void redirect(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
