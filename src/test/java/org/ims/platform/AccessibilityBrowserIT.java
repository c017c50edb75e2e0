package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ims.testing.Axe;
import org.ims.testing.Browser;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * WCAG 2.1 A/AA on every page a user passes through from login to home, at desktop, tablet and
 * phone widths: axe-core finds no serious or critical violation, and nothing is wider than the
 * window (no sideways scrolling on a phone).
 */
class AccessibilityBrowserIT {

  private Browser browser;

  @BeforeEach
  void open() {
    browser = Browser.open();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1280, 1024, 768, 375})
  void everyPageFromLoginToHomeMeetsWcagAa(int width) {
    String user = TestUsers.create("a11y", "Headquarters:VIEWER", "Research Lab:EDITOR");
    resizeTo(width);
    // Each step moves on to the next page, so all of them run even when one page fails.
    assertAll(
        "pages at " + width + " px",
        step(
            "login",
            () -> {
              browser.go("/login.xhtml");
              browser.find("login:username");
            }),
        step(
            "login with an error",
            () -> {
              browser.type("login:username", user).type("login:password", "Wrong#2026pass");
              browser.clickAndWaitForPage("login:submit");
              browser.waitForText("Invalid username or password.");
            }),
        step(
            "site selection",
            () -> {
              browser.type("login:username", user).type("login:password", TestUsers.PASSWORD);
              browser.clickAndWaitForPage("login:submit");
              assertTrue(browser.path().startsWith("/select-site.xhtml"), browser.path());
            }),
        step(
            "home",
            () -> {
              browser.clickAndWaitForPage("select:continue");
              browser.find("heading");
            }),
        step("change password", () -> browser.go("/change-password.xhtml").find("password:save")),
        step(
            "change password with errors",
            () -> {
              browser.clickAndWaitForPage("password:save");
              browser.waitForText("Enter your current password.");
            }),
        step("profile", () -> browser.go("/profile.xhtml").find("sites")),
        step(
            "profile with the user menu open",
            () -> {
              // On a phone the top bar is folded behind its menu button.
              if (browser.all("#topbarToggle").get(0).isDisplayed()) {
                browser.click("topbarToggle");
              }
              browser.click("topbar:userMenu_button").find("topbar:profile");
            }));
  }

  /** Goes to a page with {@code action}, then checks it. */
  private Executable step(String page, Executable action) {
    return () -> {
      action.execute();
      Axe.assertNoSeriousViolations(browser.driver(), page);
      assertNoHorizontalOverflow(page);
    };
  }

  private void assertNoHorizontalOverflow(String page) {
    @SuppressWarnings("unchecked")
    Map<String, Long> sizes =
        (Map<String, Long>)
            js().executeScript(
                    "return { scroll: document.documentElement.scrollWidth,"
                        + " window: window.innerWidth };");
    assertTrue(
        sizes.get("scroll") <= sizes.get("window"), page + " is wider than the window: " + sizes);
  }

  private void resizeTo(int width) {
    browser.driver().manage().window().setSize(new Dimension(width, 900));
    Object inner = js().executeScript("return window.innerWidth;");
    // The window must really be that narrow, or the phone-width check proves nothing.
    assertEquals((long) width, inner, "window width");
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }
}
