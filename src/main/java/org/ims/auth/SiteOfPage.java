package org.ims.auth;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.List;
import java.util.Map;
import org.ims.site.SiteContext;

/**
 * The active site belongs to the session, so all tabs share it: a page opened at one site can be
 * submitted after another tab switched to another site. Each page remembers the site it was opened
 * at; a request from it while the session works elsewhere does nothing (no input is applied, no
 * action runs, nothing of the other site is rendered into it) and the page says why and offers to
 * switch back ({@link TopBar#switchBack}), keeping what was typed.
 *
 * <p>Registered in faces-config.xml.
 */
public class SiteOfPage implements PhaseListener {

  private static final long serialVersionUID = 1L;

  private static final String SITE = SiteOfPage.class.getName() + ".site";
  private static final String SITE_NAME = SiteOfPage.class.getName() + ".siteName";
  private static final String CHANGED = SiteOfPage.class.getName() + ".changed";

  /**
   * The forms whose requests are about the session itself, not the page: the top bar (switching
   * site, logging out) and the offer to switch back. Every submit of a Faces form names the form.
   */
  private static final List<String> SESSION_FORMS = List.of("topbar", "siteChange");

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.ANY_PHASE;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    // Conversion and validation are done, the model not yet updated: the inputs keep what the
    // user typed, and nothing reaches the beans.
    if (event.getPhaseId() == PhaseId.PROCESS_VALIDATIONS) {
      refuseIfChanged(event.getFacesContext());
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    if (event.getPhaseId() != PhaseId.RENDER_RESPONSE) {
      return;
    }
    FacesContext faces = event.getFacesContext();
    // A request that skipped to rendering (an input that could not be read) is checked here.
    refuseIfChanged(faces);
    SiteContext context = context();
    Map<String, Object> view = viewMap(faces);
    if (view != null && context != null && context.siteId() != null) {
      view.putIfAbsent(SITE, context.siteId());
      view.putIfAbsent(SITE_NAME, context.siteName());
    }
  }

  private static void refuseIfChanged(FacesContext faces) {
    if (!faces.isPostback() || changed(faces) || aboutTheSession(faces)) {
      return;
    }
    Long opened = siteOfView(faces);
    SiteContext context = context();
    if (opened == null || context == null || opened.equals(context.siteId())) {
      return;
    }
    faces.getAttributes().put(CHANGED, Boolean.TRUE);
    faces.renderResponse();
    if (faces.getPartialViewContext().isAjaxRequest()) {
      // Only what updates itself on every request is rendered (the messages, and the offer to
      // switch back): the rest of the page stays as the user left it.
      faces.getPartialViewContext().getRenderIds().clear();
    }
  }

  /** Whether this request came from a page opened at another site than the session's. */
  static boolean changed(FacesContext faces) {
    return Boolean.TRUE.equals(faces.getAttributes().get(CHANGED));
  }

  static Long siteOfView(FacesContext faces) {
    Map<String, Object> view = viewMap(faces);
    return view == null ? null : (Long) view.get(SITE);
  }

  static String siteNameOfView(FacesContext faces) {
    Map<String, Object> view = viewMap(faces);
    return view == null ? null : (String) view.get(SITE_NAME);
  }

  private static boolean aboutTheSession(FacesContext faces) {
    Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
    return SESSION_FORMS.stream().anyMatch(parameters::containsKey);
  }

  private static Map<String, Object> viewMap(FacesContext faces) {
    UIViewRoot root = faces.getViewRoot();
    return root == null ? null : root.getViewMap(true);
  }

  /** The request's site context, when the request is a signed-in one. */
  private static SiteContext context() {
    SiteContext context = CDI.current().select(SiteContext.class).get();
    return context.isEstablished() ? context : null;
  }
}
