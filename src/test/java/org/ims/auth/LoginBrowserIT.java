package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ims.testing.Browser;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

/** Login, site selection, site switching and logout, as a person does them in a browser. */
class LoginBrowserIT {

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
  void aPageAskedForBeforeLoginSendsToLoginAndBackAfterIt() {
    browser.go("/change-password.xhtml");
    assertTrue(browser.path().startsWith("/login.xhtml?next="), browser.path());
    browser.screenshot("login", 1280);
    browser.screenshot("login", 375);
    logIn("viewer", "Viewer#2026pass");
    assertEquals("/change-password.xhtml", browser.path());
  }

  @Test
  void aWrongPasswordIsShownOnTheLoginPage() {
    browser.go("/");
    browser
        .type("login:username", "viewer")
        .type("login:password", "Not#The2026pass")
        .clickAndWaitForPage("login:submit");
    browser.waitForText("Invalid username or password.");
    assertTrue(browser.path().startsWith("/login.xhtml"));
  }

  @Test
  void emptyFieldsAreFlaggedByTheirLabels() {
    browser.go("/login.xhtml").clickAndWaitForPage("login:submit");
    browser.waitForText("Enter your username.").waitForText("Enter your password.");
  }

  @Test
  void aLockedAccountSaysWhenItUnlocks() {
    String user = TestUsers.create("lockedui", "Headquarters:VIEWER");
    browser.go("/login.xhtml");
    for (int i = 0; i < 5; i++) {
      browser.type("login:username", user).type("login:password", "Wrong#2026pass");
      browser.clickAndWaitForPage("login:submit");
    }
    browser.waitForText("This account is locked after too many failed attempts. Try again after");
  }

  @Test
  void aUserOfSeveralSitesChoosesOneAndMayMakeItTheDefault() {
    String user = TestUsers.create("multi", "Headquarters:VIEWER", "Research Lab:EDITOR");
    browser.go("/");
    logIn(user, TestUsers.PASSWORD);
    assertTrue(browser.path().startsWith("/select-site.xhtml"), browser.path());
    browser.screenshot("select-site", 1280);
    browser.screenshot("select-site", 375);
    browser.choose("select:site", "Research Lab (EDITOR)");
    browser.click("select:makeDefault");
    browser.clickAndWaitForPage("select:continue");
    assertEquals("Research Lab", browser.find("heading").getText());
    browser.waitForText("You are working at Research Lab.");

    logOut();
    logIn(user, TestUsers.PASSWORD);
    assertEquals("/index.xhtml", browser.path(), "the default site skips the choice");
    assertEquals("Research Lab", browser.find("heading").getText());
  }

  @Test
  void theTopBarSwitchesSite() {
    browser.go("/");
    logIn("admin", "Admin#2026pass");
    assertEquals("Headquarters", browser.find("heading").getText());
    browser.switchSite("Field Office");
    assertEquals("Field Office", browser.find("heading").getText());
    browser.waitForText("You are now working at Field Office.");
    browser.screenshot("home", 1280);
    browser.screenshot("home", 375);
  }

  @Test
  void logOutEndsTheSession() {
    browser.go("/");
    logIn("editor", "Editor#2026pass");
    logOut();
    browser.waitForText("You have been logged out.");
    browser.go("/index.xhtml");
    assertTrue(browser.path().startsWith("/login.xhtml"), "pages need a new login");
  }

  @Test
  void anExpiredSessionSaysSoAndReturnsAfterLogin() {
    browser.go("/");
    logIn("editor", "Editor#2026pass");
    browser.driver().manage().deleteCookieNamed("JSESSIONID");
    browser.driver().manage().addCookie(new Cookie("JSESSIONID", "expired0000000000"));
    browser.go("/change-password.xhtml");
    browser.waitForText("Your session has expired. Log in again to continue.");
    logIn("editor", "Editor#2026pass");
    assertEquals("/change-password.xhtml", browser.path());
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSite() {
    browser.go("/login.xhtml");
    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertTrue(session.isHttpOnly());
    assertEquals("Lax", session.getSameSite());
  }

  private void logIn(String username, String password) {
    browser.type("login:username", username).type("login:password", password);
    browser.clickAndWaitForPage("login:submit");
  }

  private void logOut() {
    browser.click("topbar:userMenu_button");
    browser.clickAndWaitForPage("topbar:logout");
  }
}
