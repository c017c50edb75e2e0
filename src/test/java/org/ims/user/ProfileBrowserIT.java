package org.ims.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ims.testing.Browser;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** My profile: reached from the user menu, as a person uses it. */
class ProfileBrowserIT {

  private Browser browser;

  @BeforeEach
  void open() {
    browser = Browser.open();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @Test
  void aUserOfTwoSitesSeesTheirRolesAndChangesTheSiteTheyStartAt() {
    String user = TestUsers.create("profile", "Headquarters:VIEWER", "Research Lab:EDITOR");
    makeDefault(user, "Headquarters");
    browser.go("/");
    logIn(user);
    assertEquals("Headquarters", browser.find("heading").getText());

    openProfile();
    assertEquals(user, browser.find("username").getText());
    assertEquals(user + "@test.example", browser.find("email").getText());
    assertEquals(List.of("Headquarters current VIEWER Yes", "Research Lab EDITOR No"), siteRows());
    browser.screenshot("profile", 1280);
    browser.screenshot("profile", 375);

    browser.choose("defaultSite:site", "Research Lab");
    browser.clickAndWaitForPage("defaultSite:save");
    browser.waitForText("Research Lab is now your default site");
    assertEquals("/profile.xhtml", browser.path(), "redirected after the change");
    assertEquals(List.of("Headquarters current VIEWER No", "Research Lab EDITOR Yes"), siteRows());
    assertEquals("Research Lab", defaultSiteOf(user), "stored");

    browser.go("/profile.xhtml");
    assertEquals(
        List.of("Headquarters current VIEWER No", "Research Lab EDITOR Yes"),
        siteRows(),
        "after a reload");

    browser.click("topbar:userMenu_button");
    browser.clickAndWaitForPage("topbar:logout");
    logIn(user);
    assertEquals("/index.xhtml", browser.path(), "the default site skips the choice");
    assertEquals("Research Lab", browser.find("heading").getText(), "starts at the new default");
  }

  @Test
  void theProfileLeadsToChangePasswordWhoseRulesAreShown() {
    String user = TestUsers.create("profilepw", "Field Office:EDITOR");
    browser.go("/");
    logIn(user);
    openProfile();
    browser.waitForText("This is your only site: every login starts there.");
    assertTrue(browser.all("[id='defaultSite:site']").isEmpty(), "nothing to choose");
    assertTrue(browser.find("passwordRules").getText().contains("At least 8 characters"));

    browser.clickAndWaitForPage("changePassword");
    assertEquals("/change-password.xhtml", browser.path());
    browser.waitForText("At least 8 characters");
    browser
        .type("password:currentPassword", TestUsers.PASSWORD)
        .type("password:newPassword", "short")
        .type("password:confirmation", "short");
    browser.clickAndWaitForPage("password:save");
    browser.waitForText("Use at least 8 characters.").waitForText("Include a digit.");
  }

  private void openProfile() {
    browser.click("topbar:userMenu_button");
    browser.clickAndWaitForPage("topbar:profile");
    assertEquals("/profile.xhtml", browser.path());
  }

  private List<String> siteRows() {
    return browser.all("[id='sites'] tbody tr").stream()
        .map(WebElement::getText)
        .map(text -> text.replaceAll("\\s+", " ").trim())
        .toList();
  }

  private void logIn(String username) {
    browser.type("login:username", username).type("login:password", TestUsers.PASSWORD);
    browser.clickAndWaitForPage("login:submit");
  }

  private static void makeDefault(String username, String site) {
    TestUsers.execute(
        "UPDATE user_site SET is_default = true"
            + " WHERE user_id = (SELECT id FROM users WHERE username = ?)"
            + " AND site_id = (SELECT id FROM sites WHERE name = ?)",
        username,
        site);
  }

  private static String defaultSiteOf(String username) {
    return TestUsers.query(
        "SELECT s.name FROM user_site m JOIN sites s ON s.id = m.site_id"
            + " JOIN users u ON u.id = m.user_id WHERE u.username = ? AND m.is_default",
        username);
  }
}
