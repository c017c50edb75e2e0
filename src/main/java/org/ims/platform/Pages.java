package org.ims.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * What page beans share: the one way a service's refusal reaches the user ({@link #attempt}, {@link
 * #show}), messages that survive a redirect, and safe redirects. A page bean calls the same service
 * as the REST API and lets this class present the outcome, so both say the same thing.
 */
public final class Pages {

  /** The Finder, where every signed-in user starts. */
  public static final String HOME = "/index.xhtml";

  private Pages() {}

  /**
   * Runs a service call for a page. On a refusal its messages are shown ({@link #show}) and the
   * result is empty; the page then renders again with the user's input intact.
   */
  public static <T> Optional<T> attempt(String form, Supplier<T> action) {
    try {
      return Optional.ofNullable(action.get());
    } catch (ApiException refused) {
      show(refused, form);
      return Optional.empty();
    }
  }

  /** {@link #attempt(String, Supplier)} for a call without a result: whether it went through. */
  public static boolean attempt(String form, Runnable action) {
    return attempt(
            form,
            () -> {
              action.run();
              return Boolean.TRUE;
            })
        .isPresent();
  }

  /**
   * Shows a refusal: its message at the top of the page, and each detail by the input it concerns
   * (the component {@code form:field}, named like the API's field) or, where the form has no such
   * input, at the top as well.
   */
  public static void show(ApiException refused, String form) {
    FacesContext faces = FacesContext.getCurrentInstance();
    add(faces, null, FacesMessage.SEVERITY_ERROR, refused.getMessage());
    for (FieldError detail : refused.details()) {
      String clientId = form == null ? null : form + ":" + detail.field();
      UIComponent input = clientId == null ? null : faces.getViewRoot().findComponent(clientId);
      if (input != null) {
        add(faces, clientId, FacesMessage.SEVERITY_ERROR, detail.message());
      } else if (!detail.message().equals(refused.getMessage())) {
        add(faces, null, FacesMessage.SEVERITY_ERROR, detail.message());
      }
    }
    faces.validationFailed();
  }

  /** A confirmation on the page being rendered. */
  public static void info(String message) {
    add(FacesContext.getCurrentInstance(), null, FacesMessage.SEVERITY_INFO, message);
  }

  /** A confirmation, kept for the page a redirect leads to. */
  public static void flashInfo(String message) {
    flash(FacesMessage.SEVERITY_INFO, message);
  }

  /** An error shown on the page a redirect leads to. */
  public static void flashError(String message) {
    flash(FacesMessage.SEVERITY_ERROR, message);
  }

  public static void warn(String message) {
    add(FacesContext.getCurrentInstance(), null, FacesMessage.SEVERITY_WARN, message);
  }

  public static void error(String message) {
    error(null, message);
  }

  /** An error by one input ({@code form:field}), or at the top for a null client id. */
  public static void error(String clientId, String message) {
    add(FacesContext.getCurrentInstance(), clientId, FacesMessage.SEVERITY_ERROR, message);
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

  private static void flash(FacesMessage.Severity severity, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    add(faces, null, severity, message);
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  private static void add(
      FacesContext faces, String clientId, FacesMessage.Severity severity, String message) {
    faces.addMessage(clientId, new FacesMessage(severity, message, null));
  }
}
