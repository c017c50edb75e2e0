package org.ims.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * What page beans share: the one way a service's refusal reaches the user ({@link #attempt}, {@link
 * #show}), messages that survive a redirect, safe redirects, and times as people read them in their
 * own time zone. A page bean calls the same service as the REST API and lets this class present the
 * outcome, so both say the same thing.
 *
 * <p>A refusal that names fields is shown once at the top as a summary, one link per field (the
 * {@link Summary} the page template renders), and by each field; the summary is rebuilt at every
 * request from the messages of that request, so it never lists a problem that is gone.
 */
public final class Pages {

  /** The Finder, where every signed-in user starts. */
  public static final String HOME = "/index.xhtml";

  /**
   * The cookie in which the page script keeps the browser's IANA time zone (ims.js), so that the
   * server shows times in it and preselects it before any script has run.
   */
  public static final String ZONE_COOKIE = "ims-tz";

  private static final String SUMMARY_HEADING = Pages.class.getName() + ".summary";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter WHEN_EXACT =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

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
   * Shows a refusal. Without details: its message at the top. With details: the message heads the
   * summary at the top, which lists each detail once, linked to the input it concerns (the
   * component {@code form:field}, named like the API's field), and each detail is also shown by
   * that input. A detail whose input the form does not have is listed in the summary without a
   * link.
   */
  public static void show(ApiException refused, String form) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (refused.details().isEmpty()) {
      add(faces, null, FacesMessage.SEVERITY_ERROR, refused.getMessage());
    } else {
      fieldProblems(form, refused.getMessage(), refused.details());
    }
    faces.validationFailed();
  }

  /**
   * Problems by field, shown like a refusal's details ({@link #show}) but without failing the
   * request: what a form reports while the user is still filling it in. With a {@code heading} the
   * summary at the top lists them too; without one they are shown only by their inputs (problems of
   * fields the form has no input for are then not shown).
   */
  public static void fieldProblems(String form, String heading, List<FieldError> problems) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (heading != null) {
      faces.getAttributes().put(SUMMARY_HEADING, heading);
    }
    for (FieldError problem : problems) {
      String clientId = form == null ? null : form + ":" + problem.field();
      UIComponent input = clientId == null ? null : faces.getViewRoot().findComponent(clientId);
      if (input != null) {
        add(faces, clientId, FacesMessage.SEVERITY_ERROR, problem.message());
      } else if (heading != null && !problem.message().equals(heading)) {
        add(faces, null, FacesMessage.SEVERITY_ERROR, problem.message());
      }
    }
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

  /** A parameter of the request as sent (the address's or the form's), or null. */
  public static String parameter(String name) {
    return FacesContext.getCurrentInstance()
        .getExternalContext()
        .getRequestParameterMap()
        .get(name);
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

  /**
   * The time zone of the user's browser as its script reported it, if it did and it is a zone this
   * server knows. Pages use it to show times and to preselect a zone.
   */
  public static Optional<ZoneId> browserZone() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Object cookie =
        faces == null ? null : faces.getExternalContext().getRequestCookieMap().get(ZONE_COOKIE);
    if (!(cookie instanceof Cookie c) || c.getValue() == null || c.getValue().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8)));
    } catch (DateTimeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The zone times are shown in: the browser's ({@link #browserZone}), else UTC. */
  public static ZoneId userZone() {
    return browserZone().orElse(ZoneOffset.UTC);
  }

  /** An instant as people read it, in the user's zone: "1 Dec 2026, 14:21"; "" for none. */
  public static String time(Instant instant) {
    return instant == null ? "" : WHEN.format(instant.atZone(userZone()));
  }

  /** {@link #time(Instant)} to the second, for records such as the audit log. */
  public static String exactTime(Instant instant) {
    return instant == null ? "" : WHEN_EXACT.format(instant.atZone(userZone()));
  }

  /** The name of the zone {@link #time} uses, to say so on the page: "Europe/Berlin", "UTC". */
  public static String userZoneName() {
    ZoneId zone = userZone();
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
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

  /**
   * The summary of the page's field problems, rendered by the page template above the content: a
   * heading and one entry per problem, linked to its input and named by the input's label, in the
   * order of the page. Shown after a refusal ({@link #show}), and whenever Faces itself could not
   * read an input; while a form is being filled in, problems appear only by their inputs.
   */
  @Named("pageMessages")
  @RequestScoped
  public static class Summary {

    /** One problem: the client id of its input (the link's target), its label and message. */
    public record Item(String target, String label, String message) {}

    private List<Item> items;

    public boolean isShown() {
      FacesContext faces = FacesContext.getCurrentInstance();
      return !getItems().isEmpty()
          && (faces.getAttributes().containsKey(SUMMARY_HEADING) || faces.isValidationFailed());
    }

    public String getHeading() {
      Object heading = FacesContext.getCurrentInstance().getAttributes().get(SUMMARY_HEADING);
      return heading == null ? "Some fields need your attention." : heading.toString();
    }

    /**
     * Field problems of this request (never the page-wide ones, which are listed above it). Read
     * afresh until the response is rendered: Faces asks whether the summary is shown in every
     * phase, before the action that finds the problems has run.
     */
    public List<Item> getItems() {
      FacesContext faces = FacesContext.getCurrentInstance();
      if (faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
        return collect(faces);
      }
      if (items == null) {
        items = collect(faces);
      }
      return items;
    }

    private static List<Item> collect(FacesContext faces) {
      List<Item> found = new ArrayList<>();
      List<List<Integer>> positions = new ArrayList<>();
      for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
        String clientId = ids.next();
        if (clientId == null) {
          continue;
        }
        UIComponent input = findInput(faces, clientId);
        Object label = input == null ? null : input.getAttributes().get("label");
        for (FacesMessage message : faces.getMessageList(clientId)) {
          found.add(
              new Item(clientId, label == null ? null : label.toString(), message.getSummary()));
          positions.add(position(input));
        }
      }
      // In the order of the page, which is the order the user reads the fields in.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < found.size(); i++) {
        order.add(i);
      }
      order.sort((a, b) -> compare(positions.get(a), positions.get(b)));
      return order.stream().map(found::get).toList();
    }

    private static UIComponent findInput(FacesContext faces, String clientId) {
      try {
        return faces.getViewRoot().findComponent(clientId);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** Where a component sits in the view: its index under each ancestor, from the root. */
    private static List<Integer> position(UIComponent component) {
      List<Integer> path = new ArrayList<>();
      for (UIComponent c = component; c != null && c.getParent() != null; c = c.getParent()) {
        path.add(0, c.getParent().getChildren().indexOf(c));
      }
      return component == null ? List.of(Integer.MAX_VALUE) : path;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = Integer.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }
}
