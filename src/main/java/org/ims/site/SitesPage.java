package org.ims.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.site.SiteAdministration.SiteDraft;
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
    Pages.attempt("create", () -> sites.create(new SiteDraft(name, description)))
        .ifPresent(
            created -> {
              changed("Created " + created.name() + "; you are its administrator.");
              name = null;
              description = null;
            });
  }

  public void update() {
    if (editId == null) {
      Pages.error("edit:site", "Choose the site to change.");
      return;
    }
    Pages.attempt("edit", () -> sites.update(editId, new SiteDraft(editName, editDescription)))
        .ifPresent(changed -> changed("Saved " + changed.name() + "."));
  }

  public void setActive(long siteId, boolean active) {
    Pages.attempt(null, () -> sites.setActive(siteId, active))
        .ifPresent(
            changed ->
                changed(changed.name() + (active ? " is active again." : " is deactivated.")));
  }

  private void changed(String message) {
    all = null;
    Pages.info(message);
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
