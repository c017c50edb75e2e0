package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.ims.platform.Pages;
import org.ims.site.Role;
import org.ims.site.SiteContext;

/** Interactions deleted at the active site within the restore period, and restoring them. */
@Named
@RequestScoped
public class DeletedInteractionsPage {

  private static final DateTimeFormatter STARTS =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

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

  /** When it starts, in its own zone: "Mon 4 May 2026, 09:00 (Europe/London)". */
  public String starts(InteractionView interaction) {
    return STARTS.format(interaction.startDateTime()) + " (" + interaction.timezone() + ")";
  }

  /** When it was deleted, in the reader's zone. */
  public String deletedAt(InteractionView interaction) {
    return Pages.time(interaction.deletedAt());
  }

  public String getZoneName() {
    return Pages.userZoneName();
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
