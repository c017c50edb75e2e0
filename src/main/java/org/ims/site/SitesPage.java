package org.ims.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Supplier;
import org.ims.platform.ApiException;
import org.ims.site.SiteAdministration.SiteView;

/** The sites page (admin/sites.xhtml), for global administrators. */
@Named
@RequestScoped
public class SitesPage {

  @Inject SiteAdministration sites;
  @Inject SiteContext context;

  private List<SiteView> all;
  private String name;
  private String description;
  private Long editId;
  private String editName;
  private String editDescription;

  public boolean isAllowed() {
    return context.globalAdmin();
  }

  public List<SiteView> getSites() {
    if (all == null) {
      all = sites.list();
    }
    return all;
  }

  public void create() {
    SiteView created = run("create", () -> sites.create(name, description));
    if (created != null) {
      info("Created " + created.name() + "; you are its administrator.");
      name = null;
      description = null;
    }
  }

  public void update() {
    if (editId == null) {
      error("edit:site", "Choose the site to change.");
      return;
    }
    SiteView changed = run("edit", () -> sites.update(editId, editName, editDescription));
    if (changed != null) {
      info("Saved " + changed.name() + ".");
    }
  }

  public void setActive(long siteId, boolean active) {
    SiteView changed = run(null, () -> sites.setActive(siteId, active));
    if (changed != null) {
      info(changed.name() + (active ? " is active again." : " is deactivated."));
    }
  }

  private <T> T run(String form, Supplier<T> action) {
    try {
      T result = action.get();
      all = null;
      return result;
    } catch (ApiException refused) {
      if (form == null || refused.details().isEmpty()) {
        error(null, refused.getMessage());
      } else {
        refused.details().forEach(d -> error(form + ":" + d.field(), d.message()));
      }
      return null;
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

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Long getEditId() {
    return editId;
  }

  public void setEditId(Long editId) {
    this.editId = editId;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditDescription() {
    return editDescription;
  }

  public void setEditDescription(String editDescription) {
    this.editDescription = editDescription;
  }
}
