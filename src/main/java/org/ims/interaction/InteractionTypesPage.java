package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ims.platform.ApiException;
import org.ims.site.Role;
import org.ims.site.SiteContext;

/** The interaction types page of the active site (admin/types.xhtml), for its administrators. */
@Named
@RequestScoped
public class InteractionTypesPage {

  @Inject InteractionTypeService types;
  @Inject SiteContext context;

  private List<InteractionType> all;
  private String newName;
  private Long renameId;
  private String renameTo;

  public boolean isAllowed() {
    return context.role() == Role.ADMINISTRATOR;
  }

  public List<InteractionType> getTypes() {
    if (all == null) {
      all = types.allTypesOf(context.siteId());
    }
    return all;
  }

  public void add() {
    if (run(() -> types.add(context.siteId(), newName), "add:name")) {
      info("Added " + newName.trim() + ".");
      newName = null;
    }
  }

  public void rename() {
    if (renameId == null) {
      error("rename:type", "Choose the type to rename.");
      return;
    }
    if (run(() -> types.rename(context.siteId(), renameId, renameTo), "rename:name")) {
      info("Renamed to " + renameTo.trim() + "; its interactions follow.");
      renameTo = null;
    }
  }

  /** Moves a type one place up ({@code -1}) or down ({@code 1}). */
  public void move(long typeId, int by) {
    List<Long> ids = new ArrayList<>(getTypes().stream().map(InteractionType::id).toList());
    int from = ids.indexOf(typeId);
    int to = from + by;
    if (from < 0 || to < 0 || to >= ids.size()) {
      return;
    }
    Collections.swap(ids, from, to);
    run(() -> types.reorder(context.siteId(), ids), null);
  }

  public void setRetired(long typeId, boolean retired) {
    if (run(() -> types.setRetired(context.siteId(), typeId, retired), null)) {
      info(retired ? "Retired: no longer offered for new interactions." : "Offered again.");
    }
  }

  private boolean run(Runnable action, String fieldClientId) {
    try {
      action.run();
      all = null;
      return true;
    } catch (ApiException refused) {
      if (fieldClientId != null && !refused.details().isEmpty()) {
        refused.details().forEach(d -> error(fieldClientId, d.message()));
      } else {
        error(null, refused.getMessage());
      }
      return false;
    }
  }

  private static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  private static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public Long getRenameId() {
    return renameId;
  }

  public void setRenameId(Long renameId) {
    this.renameId = renameId;
  }

  public String getRenameTo() {
    return renameTo;
  }

  public void setRenameTo(String renameTo) {
    this.renameTo = renameTo;
  }
}
