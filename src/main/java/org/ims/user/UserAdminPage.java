package org.ims.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.Supplier;
import org.ims.platform.ApiException;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.user.UserAdministration.UserView;
import org.ims.user.UserAdministration.UserWithPassword;

/**
 * The users page of the active site (admin/users.xhtml): the same service and rules as the REST
 * API. Request-scoped: every action reloads the list, so a row always shows the stored state.
 */
@Named
@RequestScoped
public class UserAdminPage {

  /** Rows shown at once; a search narrows larger sites. */
  static final int MAX_ROWS = 100;

  @Inject UserAdministration users;
  @Inject SiteContext context;

  private String search;
  private String username;
  private String email;
  private String role = Role.EDITOR.name();
  private String password;
  private String existingUsername;
  private String existingRole = Role.VIEWER.name();
  private String temporaryPassword;
  private String temporaryPasswordFor;
  private UserAdministration.Page page;

  public List<UserView> getUsers() {
    return page().items();
  }

  public long getTotal() {
    return page().totalRecords();
  }

  public boolean isTruncated() {
    return page().totalRecords() > MAX_ROWS;
  }

  public List<Role> getRoles() {
    return List.of(Role.values());
  }

  public void create() {
    UserWithPassword created =
        attempt(
            "create",
            () ->
                users.create(
                    context.siteId(),
                    new UserAdministration.NewUser(
                        username, email, role, blankToNull(password), false)));
    if (created != null) {
      if (created.temporaryPassword() != null) {
        temporaryPassword = created.temporaryPassword();
        temporaryPasswordFor = created.user().username();
      }
      info("Created " + created.user().username() + ".");
      username = null;
      email = null;
      password = null;
    }
  }

  public void addExisting() {
    UserView added =
        attempt("add", () -> users.addMember(context.siteId(), existingUsername, existingRole));
    if (added != null) {
      info("Added " + added.username() + " as " + added.role() + ".");
      existingUsername = null;
    }
  }

  public void changeRole(long userId, String newRole) {
    UserView changed = attempt(null, () -> users.changeRole(context.siteId(), userId, newRole));
    if (changed != null) {
      info(changed.username() + " is now " + changed.role() + " here.");
    }
  }

  public void setActive(long userId, boolean active) {
    UserView changed = attempt(null, () -> users.setActive(context.siteId(), userId, active));
    if (changed != null) {
      info(changed.username() + (active ? " is active again." : " is deactivated."));
    }
  }

  public void unlock(long userId) {
    UserView changed = attempt(null, () -> users.unlock(context.siteId(), userId));
    if (changed != null) {
      info(changed.username() + " is unlocked.");
    }
  }

  public void resetPassword(long userId) {
    UserWithPassword reset = attempt(null, () -> users.resetPassword(context.siteId(), userId));
    if (reset != null) {
      temporaryPassword = reset.temporaryPassword();
      temporaryPasswordFor = reset.user().username();
      info("The password of " + reset.user().username() + " was reset.");
    }
  }

  public void remove(long userId, String name) {
    Boolean removed =
        attempt(
            null,
            () -> {
              users.removeMember(context.siteId(), userId);
              return true;
            });
    if (removed != null) {
      info(name + " no longer belongs to this site.");
    }
  }

  public void find() {
    page = null;
  }

  /** Runs an action; its refusal becomes messages (by field for the given form). */
  private <T> T attempt(String form, Supplier<T> action) {
    try {
      T result = action.get();
      page = null;
      return result;
    } catch (ApiException refused) {
      if (form == null || refused.details().isEmpty()) {
        error(null, refused.getMessage());
      }
      if (form != null) {
        refused.details().forEach(d -> error(form + ":" + fieldId(form, d.field()), d.message()));
      }
      return null;
    }
  }

  private static String fieldId(String form, String field) {
    if (form.equals("add")) {
      return field.equals("role") ? "existingRole" : "existingUsername";
    }
    return field;
  }

  /**
   * The rows, for the search as submitted. Read from the raw request when the model has not been
   * updated yet: a row action is decoded against the rows the user saw, so the same search must
   * give them again.
   */
  private UserAdministration.Page page() {
    if (page == null) {
      String query = search;
      if (query == null) {
        query =
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("list:search");
      }
      page = users.list(context.siteId(), query, 1, MAX_ROWS);
    }
    return page;
  }

  public boolean isAllowed() {
    return context.role() == Role.ADMINISTRATOR;
  }

  private static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  private static void error(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getExistingUsername() {
    return existingUsername;
  }

  public void setExistingUsername(String existingUsername) {
    this.existingUsername = existingUsername;
  }

  public String getExistingRole() {
    return existingRole;
  }

  public void setExistingRole(String existingRole) {
    this.existingRole = existingRole;
  }

  public String getTemporaryPassword() {
    return temporaryPassword;
  }

  public String getTemporaryPasswordFor() {
    return temporaryPasswordFor;
  }
}
