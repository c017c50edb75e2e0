package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.ims.testing.Api;
import org.ims.testing.Browser;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The administration pages, reached from the user menu: a user created there logs in with the
 * one-time password and must choose their own; a role changed there is what the user sees at their
 * next page; types, deleted interactions, the audit log and sites are managed there too.
 *
 * <p>Runs after the classes that check the demo data as seeded: it adds sites.
 */
@Order(Integer.MAX_VALUE - 100)
class AdminPagesBrowserIT {

  private Browser browser;
  private String site;
  private String admin;

  @BeforeEach
  void open() {
    site = TestUsers.createSite("Pages");
    admin = TestUsers.create("pg-adm", site + ":ADMINISTRATOR");
    browser = Browser.open();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void aCreatedUserLogsInWithTheOneTimePasswordAndMustChangeIt() {
    logIn(admin, TestUsers.PASSWORD);
    openFromUserMenu("topbar:adminUsers");
    assertEquals("/admin/users.xhtml", browser.path());
    String username = "pg-new-" + UUID.randomUUID().toString().substring(0, 8);
    browser.type("create:username", username).type("create:email", username + "@test.example");
    browser.clickAndWaitForPage("create:save");
    browser.waitForText("Created " + username + ".");
    String temporary = browser.find("temporaryPassword").getText();
    assertFalse(temporary.isBlank());
    browser.screenshot("admin-users", 1280);
    browser.screenshot("admin-users", 375);

    logOut();
    logIn(username, temporary);
    assertEquals("/change-password.xhtml", browser.path());
    browser.find("forced");
    browser
        .type("password:currentPassword", temporary)
        .type("password:newPassword", "Mine#2026pass")
        .type("password:confirmation", "Mine#2026pass")
        .clickAndWaitForPage("password:save");
    assertEquals("/index.xhtml", browser.path());
    browser.waitForText("Your password has been changed.");
  }

  @Test
  void aRoleChangedOnThePageIsWhatTheUserSeesNext() {
    String user = TestUsers.create("pg-role", site + ":EDITOR");
    try (Browser theirs = Browser.open()) {
      theirs.go("/");
      theirs.type("login:username", user).type("login:password", TestUsers.PASSWORD);
      theirs.clickAndWaitForPage("login:submit");
      assertEquals("EDITOR", theirs.find("topbar:role").getText());

      logIn(admin, TestUsers.PASSWORD);
      browser.go("/admin/users.xhtml");
      browser.type("list:search", user).clickAndWaitForPage("list:find");
      browser.click("list:users:0:role_button");
      browser.clickAndWaitForPage("list:users:0:makeViewer");
      browser.waitForText(user + " is now VIEWER here.");

      theirs.go("/index.xhtml");
      assertEquals("VIEWER", theirs.find("topbar:role").getText());
    }
  }

  @Test
  void typesAreAddedAndRetiredOnTheTypesPage() {
    logIn(admin, TestUsers.PASSWORD);
    openFromUserMenu("topbar:adminTypes");
    assertEquals("/admin/types.xhtml", browser.path());
    browser.type("add:name", "Site visit").clickAndWaitForPage("add:save");
    browser.waitForText("Added Site visit.");
    assertEquals(
        List.of("Meeting", "Call", "Email", "Update", "Review", "Training", "Other", "Site visit"),
        formTypes(),
        "the interaction form offers the new type");
    openFromUserMenu("topbar:adminTypes");
    // The new type is last (row 7); retire it.
    browser.clickAndWaitForPage("list:types:7:retire");
    browser.waitForText("Retired: no longer offered for new interactions.");
    assertTrue(browser.text().contains("Retired"));
    browser.screenshot("admin-types", 1280);
    assertFalse(formTypes().contains("Site visit"), "a retired type is not offered for new ones");
  }

  /** The types the new-interaction form offers, in order. */
  private List<String> formTypes() {
    browser.go("/interaction.xhtml");
    return browser.all("[id='interaction:type_input'] option").stream()
        .map(o -> o.getAttribute("textContent").trim())
        .filter(label -> !label.equals("Choose a type"))
        .toList();
  }

  @Test
  void theAuditLogShowsChangesAndChecksTheChain() {
    logIn(admin, TestUsers.PASSWORD);
    openFromUserMenu("topbar:adminAudit");
    assertEquals("/admin/audit.xhtml", browser.path());
    browser.clickAndWaitForPage("verify:check");
    assertTrue(browser.find("verify:intact").getText().startsWith("Intact:"));
    browser.type("filters:user", admin).clickAndWaitForPage("filters:find");
    browser.waitForText("LOGIN_SUCCEEDED");
    browser.screenshot("admin-audit", 1280);
  }

  @Test
  void aDeletedInteractionIsRestoredFromTheDeletedPage() {
    String token = Api.token(admin, TestUsers.PASSWORD);
    String title = "Deleted on purpose " + UUID.randomUUID().toString().substring(0, 8);
    Http.Reply created =
        Api.post(
            token,
            "/api/interactions",
            Json.createObjectBuilder()
                .add("title", title)
                .add("type", "Meeting")
                .add("lead", "Amelia Hughes")
                .add("startDateTime", "2026-05-04T09:00:00+01:00")
                .add("endDateTime", "2026-05-04T10:00:00+01:00")
                .add("timezone", "Europe/London")
                .build()
                .toString());
    long id = created.json().getJsonObject("data").getJsonNumber("id").longValue();
    assertEquals(204, Api.send("DELETE", token, "/api/interactions/" + id, null).status());

    logIn(admin, TestUsers.PASSWORD);
    openFromUserMenu("topbar:adminDeleted");
    assertEquals("/admin/deleted.xhtml", browser.path());
    browser.waitForText(title);
    browser.clickAndWaitForPage("list:deleted:0:restore");
    browser.waitForText("Restored \"" + title + "\".");
    browser.waitForText("Nothing was deleted recently.");
    assertEquals(200, Api.get(token, "/api/interactions/" + id).status());
  }

  @Test
  void globalAdministratorsManageSitesOnTheSitesPage() {
    String global = TestUsers.create("pg-global", "Headquarters:VIEWER");
    TestUsers.execute("UPDATE users SET global_admin = true WHERE username = ?", global);
    logIn(global, TestUsers.PASSWORD);
    openFromUserMenu("topbar:adminSites");
    assertEquals("/admin/sites.xhtml", browser.path());
    String name = "Page site " + UUID.randomUUID().toString().substring(0, 8);
    browser.type("create:name", name).clickAndWaitForPage("create:save");
    browser.waitForText("Created " + name + "; you are its administrator.");
    browser.screenshot("admin-sites", 1280);

    logOut();
    logIn(admin, TestUsers.PASSWORD);
    browser.click("topbar:userMenu_button");
    assertTrue(browser.all("[id='topbar:adminSites']").isEmpty(), "not for site administrators");
  }

  private void logIn(String username, String password) {
    browser.go("/");
    browser.type("login:username", username).type("login:password", password);
    browser.clickAndWaitForPage("login:submit");
  }

  private void openFromUserMenu(String item) {
    browser.click("topbar:userMenu_button");
    browser.clickAndWaitForPage(item);
  }

  private void logOut() {
    browser.click("topbar:userMenu_button");
    browser.clickAndWaitForPage("topbar:logout");
  }
}
