package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.Pages;
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
    return context.can(Role.ADMINISTRATOR);
  }

  public List<InteractionView> getInteractions() {
    if (deleted == null) {
      deleted = interactions.deleted();
    }
    return deleted;
  }

  public void restore(long id) {
    Pages.attempt(null, () -> interactions.restore(id))
        .ifPresent(
            restored -> {
              deleted = null;
              Pages.info("Restored \"" + restored.title() + "\".");
            });
  }
}
