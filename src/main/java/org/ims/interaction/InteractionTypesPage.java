package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ims.interaction.InteractionTypeService.TypeName;
import org.ims.platform.Pages;
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
    return context.can(Role.ADMINISTRATOR);
  }

  public List<InteractionType> getTypes() {
    if (all == null) {
      all = types.allTypes();
    }
    return all;
  }

  public void add() {
    if (changed("add", () -> types.add(new TypeName(newName)))) {
      Pages.info("Added " + newName.trim() + ".");
      newName = null;
    }
  }

  public void rename() {
    if (renameId == null) {
      Pages.error("rename:type", "Choose the type to rename.");
      return;
    }
    if (changed("rename", () -> types.rename(renameId, new TypeName(renameTo)))) {
      Pages.info("Renamed to " + renameTo.trim() + "; its interactions follow.");
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
    changed(null, () -> types.reorder(ids));
  }

  public void setRetired(long typeId, boolean retired) {
    if (changed(null, () -> types.setRetired(typeId, retired))) {
      Pages.info(retired ? "Retired: no longer offered for new interactions." : "Offered again.");
    }
  }

  /** Runs a change; afterwards the list is read again, so every row shows the stored state. */
  private boolean changed(String form, Runnable change) {
    boolean done = Pages.attempt(form, change);
    if (done) {
      all = null;
    }
    return done;
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
