package org.ims.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ims.platform.Pages;
import org.ims.platform.ResultPage;
import org.ims.site.Role;
import org.ims.site.SiteContext;
import org.ims.user.AccountRules.NewMember;
import org.ims.user.AccountRules.NewUser;
import org.ims.user.AccountRules.RoleChoice;

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
  private ResultPage<UserView> page;

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

  /** The administrator's own account: its row offers no deactivation or removal (refused). */
  public Long getMyId() {
    return context.userId();
  }

  public boolean isAllowed() {
    return context.can(Role.ADMINISTRATOR);
  }

  public void create() {
    Pages.attempt("create", () -> users.create(new NewUser(username, email, role, password, false)))
        .ifPresent(
            created -> {
              showPassword(created);
              changed("Created " + created.user().username() + ".");
              username = null;
              email = null;
              password = null;
            });
  }

  public void addExisting() {
    Pages.attempt("add", () -> users.addMember(new NewMember(existingUsername, existingRole)))
        .ifPresent(
            added -> {
              changed("Added " + added.username() + " as " + added.role() + ".");
              existingUsername = null;
            });
  }

  public void changeRole(long userId, String newRole) {
    Pages.attempt(null, () -> users.changeRole(userId, new RoleChoice(newRole)))
        .ifPresent(changed -> changed(changed.username() + " is now " + changed.role() + " here."));
  }

  public void setActive(long userId, boolean active) {
    Pages.attempt(null, () -> users.setActive(userId, active))
        .ifPresent(
            changed ->
                changed(changed.username() + (active ? " is active again." : " is deactivated.")));
  }

  public void unlock(long userId) {
    Pages.attempt(null, () -> users.unlock(userId))
        .ifPresent(changed -> changed(changed.username() + " is unlocked."));
  }

  public void resetPassword(long userId) {
    Pages.attempt(null, () -> users.resetPassword(userId))
        .ifPresent(
            reset -> {
              showPassword(reset);
              changed("The password of " + reset.user().username() + " was reset.");
            });
  }

  public void remove(long userId, String name) {
    if (Pages.attempt(null, () -> users.removeMember(userId))) {
      changed(name + " no longer belongs to this site.");
    }
  }

  public void find() {
    page = null;
  }

  private void showPassword(UserView.WithPassword result) {
    if (result.temporaryPassword() != null) {
      temporaryPassword = result.temporaryPassword();
      temporaryPasswordFor = result.user().username();
    }
  }

  /** After a change: the list is read again, so every row shows the stored state. */
  private void changed(String message) {
    page = null;
    Pages.info(message);
  }

  /**
   * The rows, for the search as submitted. Read from the raw request when the model has not been
   * updated yet: a row action is decoded against the rows the user saw, so the same search must
   * give them again.
   */
  private ResultPage<UserView> page() {
    if (page == null) {
      String query = search;
      if (query == null) {
        query =
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("list:search");
      }
      page = users.list(query, 1, MAX_ROWS);
    }
    return page;
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
