package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.ApiException;
import org.ims.site.Role;
import org.ims.site.SiteContext;

/** Interactions deleted at the active site within the restore period, and restoring them. */
@Named
@RequestScoped
public class DeletedInteractionsPage {

  @Inject InteractionService interactions;
  @Inject SiteContext context;

  private List<InteractionView> deleted;

  public boolean isAllowed() {
    return context.role() == Role.ADMINISTRATOR;
  }

  public List<InteractionView> getInteractions() {
    if (deleted == null) {
      deleted = interactions.deleted();
    }
    return deleted;
  }

  public void restore(long id) {
    try {
      InteractionView restored = interactions.restore(id);
      deleted = null;
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_INFO, "Restored \"" + restored.title() + "\".", null));
    } catch (ApiException refused) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }
}
