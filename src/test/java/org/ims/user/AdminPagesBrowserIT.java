package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ims.testing.Api;
import org.ims.testing.Axe;
import org.ims.testing.Browser;
import org.ims.testing.Http;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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
  void resetDeactivateAndRemoveAskFirstInTheStyledDialogAndOwnRowOffersNeither() {
    String user = TestUsers.create("pg-conf", site + ":EDITOR");
    logIn(admin, TestUsers.PASSWORD);
    browser.go("/admin/users.xhtml");
    browser.type("list:search", "pg-").clickAndWaitForPage("list:find");
    int mine = rowOf(admin);
    int theirs = rowOf(user);
    assertTrue(
        browser.all("[id='list:users:" + mine + ":deactivate']").isEmpty(),
        "no Deactivate on your own row");
    assertTrue(
        browser.all("[id='list:users:" + mine + ":remove']").isEmpty(),
        "no Remove on your own row");
    assertTrue(browser.text().contains("you"), "your row says it is yours");

    // Reset password: asks, naming the user and what happens; Cancel does nothing.
    browser.click("list:users:" + theirs + ":reset");
    WebElement dialog = browser.find("list:confirm");
    assertTrue(dialog.getText().contains("Reset the password of " + user + "?"), dialog.getText());
    assertTrue(dialog.getText().contains("open sessions end"), dialog.getText());
    assertFalse(browser.text().contains("Are you sure"), "the styled dialog, not confirm()");
    browser.screenshot("admin-users-confirm", 1280);
    Axe.assertNoSeriousViolations(browser.driver(), "reset password confirmation");
    browser.click("list:confirmNo");
    assertTrue(browser.all("#temporaryPassword").isEmpty(), "cancelled: nothing reset");
    browser.click("list:users:" + theirs + ":reset");
    assertEquals("Reset password", browser.find("list:confirmYes").getText());
    browser.clickAndWaitForPage("list:confirmYes");
    browser.waitForText("The password of " + user + " was reset.");
    assertFalse(browser.find("temporaryPassword").getText().isBlank());

    // Deactivate and Remove ask in the same dialog.
    browser.type("list:search", user).clickAndWaitForPage("list:find");
    browser.click("list:users:0:deactivate");
    assertTrue(browser.find("list:confirm").getText().contains("Deactivate " + user + "?"));
    assertEquals("Deactivate", browser.find("list:confirmYes").getText());
    browser.clickAndWaitForPage("list:confirmYes");
    browser.waitForText(user + " is deactivated.");
    browser.click("list:users:0:remove");
    assertTrue(
        browser.find("list:confirm").getText().contains("Remove " + user + " from " + site + "?"));
    browser.click("list:confirmNo");
    assertTrue(browser.text().contains(user), "cancelled: still a member");
  }

  @Test
  void everyAdministrationPagePassesAxeAtEveryWidth() {
    String global = TestUsers.create("pg-a11y", site + ":ADMINISTRATOR");
    TestUsers.execute("UPDATE users SET global_admin = true WHERE username = ?", global);
    logIn(global, TestUsers.PASSWORD);
    for (String page :
        List.of(
            "/admin/users.xhtml",
            "/admin/types.xhtml",
            "/admin/deleted.xhtml",
            "/admin/audit.xhtml",
            "/admin/sites.xhtml")) {
      browser.go(page);
      browser.find("heading");
      for (int width : new int[] {1280, 1024, 768, 375}) {
        browser.resize(width, 900);
        Axe.assertNoSeriousViolations(browser.driver(), page + " at " + width + " px");
        Object fits =
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertEquals(Boolean.TRUE, fits, page + " is wider than the window at " + width);
      }
      browser.resize(1280, 900);
    }
  }

  /** The row (from 0) of the users table that shows this username. */
  private int rowOf(String username) {
    List<WebElement> names = browser.all("[id='list:users'] .username");
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).getText().equals(username)) {
        return i;
      }
    }
    throw new AssertionError("no row for " + username);
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
    browser.screenshots("admin-audit", 1280, 1024, 375);
  }

  @Test
  void theAuditLogReadsForPeopleAndPagesThroughEveryEntry() {
    String token = Api.token(admin, TestUsers.PASSWORD);
    // More entries than a page holds: 60 new interactions, and a search.
    for (int i = 0; i < 60; i++) {
      Api.post(
          token,
          "/api/interactions",
          Json.createObjectBuilder()
              .add("title", "Audited " + i)
              .add("type", "Call")
              .add("lead", "Amelia Hughes")
              .add("startDateTime", "2026-05-04T09:00:00+01:00")
              .add("endDateTime", "2026-05-04T10:00:00+01:00")
              .add("timezone", "Europe/London")
              .build()
              .toString());
    }
    Api.get(token, "/api/interactions?search=audit&sort=-startDateTime");
    Http.Reply api =
        Api.get(token, "/api/audit?user=" + admin + "&action=INTERACTION_CREATED&pageSize=1");
    long total =
        api.json()
            .getJsonObject("meta")
            .getJsonObject("pagination")
            .getJsonNumber("totalRecords")
            .longValue();
    logIn(admin, TestUsers.PASSWORD);
    browser.go("/admin/audit.xhtml");
    browser.type("filters:user", admin);
    browser.clickAndWaitForPage("filters:find");
    String everything = browser.text();
    assertFalse(everything.contains("SortKey["), "no Java text: " + everything);
    browser.chooseValue("filters:action", "INTERACTION_CREATED");
    browser.clickAndWaitForPage("filters:find");
    browser.waitForText("of " + total + " entries");
    assertTrue(total >= 60, "the changes were recorded: " + total);
    String page = browser.text();
    assertTrue(page.contains(site), "sites by name: " + page);
    assertTrue(page.contains("title: Audited 59"), "values as name: value: " + page);
    assertFalse(page.contains("0:0:0:0:0:0:0:1"), "addresses in their short form");
    assertTrue(page.contains("this computer"), "the loopback said in words");
    assertFalse(page.contains("the newest 100"), page);
    assertTrue(
        page.matches("(?s).*\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}:\\d{2}.*"),
        "times for people: " + page);

    // Every entry can be reached: the last page holds the oldest ones, as the API pages them.
    List<String> firstPage = entryTimes();
    browser
        .driver()
        .findElement(By.cssSelector("[id='filters:entries'] .ui-paginator-last"))
        .click();
    long expected = total % 25 == 0 ? 25 : total % 25;
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> !entryTimes().equals(firstPage) && entryTimes().size() == expected);
    assertTrue(
        browser.text().contains((total - expected + 1) + "–" + total + " of " + total),
        "the last page: " + browser.text());
  }

  private List<String> entryTimes() {
    return browser.all("[id='filters:entries'] tbody tr td:first-child").stream()
        .map(WebElement::getText)
        .toList();
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
    String row = browser.find("list:deleted").getText();
    assertFalse(row.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T.*"), "no raw timestamps: " + row);
    assertTrue(row.contains("Mon 4 May 2026, 09:00 (Europe/London)"), row);
    assertTrue(
        row.matches("(?s).*\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} by " + admin + ".*"), row);
    browser.screenshots("admin-deleted", 1280, 375);
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
    browser.logIn(username, password);
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
