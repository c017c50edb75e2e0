package org.ims.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) driven against the test server.
 * Without them, browser tests are skipped on a developer's machine and fail in CI, where .ci/run
 * installs them.
 */
public final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** A browser on the shared test server. */
  public static Browser open() {
    return open(TestEnvironment.baseUrl());
  }

  /** A browser on the server at this address. */
  public static Browser open(String baseUrl) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs chromium and chromium-driver (see .ci/run)");
    }
    Assumptions.assumeTrue(
        installed, "Browser tests need: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // No network but loopback here: keep Chromium from calling home at every start.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options), baseUrl);
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Signs in on the login page and waits for the page it leads to. */
  public Browser logIn(String username, String password) {
    go("/login.xhtml");
    return type("login:username", username)
        .type("login:password", password)
        .clickAndWaitForPage("login:submit");
  }

  public WebElement find(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public Browser type(String id, String text) {
    WebElement field = find(id);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /** Clicks and, for buttons that submit the page, waits until the next page has loaded. */
  public Browser click(String id) {
    WebElement element = find(id);
    element.click();
    return this;
  }

  public Browser clickAndWaitForPage(String id) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__imsPage = true;");
    find(id).click();
    // A new page has no marker. (Waiting for the clicked element to go stale is unreliable in
    // recent Chromium, which reports an inspector error instead.)
    wait.ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.__imsPage === undefined"
                            + " && document.readyState === 'complete';")));
    return this;
  }

  /**
   * Selects {@code option} (of the select behind the menu {@code arguments[0]}) as a click on its
   * item does: label, hidden select, and the change event that the page's Ajax listeners hear (the
   * widget's selectValue is silent).
   */
  private static final String SELECT_LIKE_A_CLICK =
      " var menu = PrimeFaces.getWidgetById(arguments[0]);"
          + " if (!menu.items || menu.items.length === 0) { menu.callHandleMethod(null, null); }"
          + " menu.selectItem(menu.selectItemFromOption($(option)), false);";

  /**
   * Picks an option of a PrimeFaces select menu by its visible label, through the widget's own API
   * (the same update a click makes: label, hidden select, change event). Pointer clicks on the
   * sliding panel proved timing-dependent in headless runs.
   */
  public Browser choose(String menuId, String label) {
    find(menuId);
    Object found =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var select = document.getElementById(arguments[0] + '_input');"
                    + " var wanted = arguments[1];"
                    + " var option = Array.from(select.options)"
                    + "     .find(function (o) { return o.text === wanted; });"
                    + " if (!option) { return false; }"
                    + SELECT_LIKE_A_CLICK
                    + " return true;",
                menuId,
                label);
    if (!Boolean.TRUE.equals(found)) {
      throw new IllegalArgumentException("No option '" + label + "' in " + menuId);
    }
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[id='" + menuId + "_label']"), label));
    return this;
  }

  /**
   * Picks an option of a PrimeFaces select menu by its value (what the server receives), through
   * the widget's API like {@link #choose}.
   */
  public Browser chooseValue(String menuId, String value) {
    find(menuId);
    Object found =
        ((JavascriptExecutor) driver)
            .executeScript(
                "var select = document.getElementById(arguments[0] + '_input');"
                    + " var wanted = arguments[1];"
                    + " if (!Array.from(select.options).some(function (o) {"
                    + "   return o.value === wanted; })) { return false; }"
                    + " var option = Array.from(select.options)"
                    + "     .find(function (o) { return o.value === wanted; });"
                    + SELECT_LIKE_A_CLICK
                    + " return true;",
                menuId,
                value);
    if (!Boolean.TRUE.equals(found)) {
      throw new IllegalArgumentException("No option of value '" + value + "' in " + menuId);
    }
    return this;
  }

  /** The value a PrimeFaces select menu holds now (its hidden select's). */
  public String menuValue(String menuId) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return document.getElementById(arguments[0] + '_input').value;", menuId);
  }

  /**
   * Switches site through the top bar's site menu, which switches as soon as a site is chosen, and
   * waits for the new site's Finder.
   */
  public Browser switchSite(String siteName) {
    WebElement toggle = driver.findElement(By.id("topbarToggle"));
    if (toggle.isDisplayed() && !"true".equals(toggle.getAttribute("aria-expanded"))) {
      toggle.click();
    }
    click("topbar:site_button");
    WebElement item =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//a[normalize-space()='Switch to " + siteName + "']")));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__imsPage = true;");
    item.click();
    wait.ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.__imsPage === undefined"
                            + " && document.readyState === 'complete';")));
    return this;
  }

  /** Makes the browser's clock run in this IANA zone, as if the user lived there. */
  public Browser useTimeZone(String zone) {
    ((ChromeDriver) driver)
        .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    return this;
  }

  /** Resizes the window and waits until the page has the new width. */
  public Browser resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    wait.until(
        d ->
            ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;"))
                    .intValue()
                <= width);
    return this;
  }

  /**
   * Saves what the page looks like at each width, under target/screenshots, for review; the window
   * ends at 1280 px again.
   */
  public void screenshots(String name, int... widths) {
    for (int width : widths) {
      screenshot(name, width);
    }
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.substring(baseUrl.length());
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Browser waitForText(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves what the page looks like at this width, under target/screenshots, for review. */
  public void screenshot(String name, int width) {
    driver.manage().window().setSize(new Dimension(width, 900));
    try {
      // The page lays itself out for the new width (media queries, widgets) before the picture.
      wait.until(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeAsyncScript(
                          "var w = arguments[0], done = arguments[arguments.length - 1];"
                              + " requestAnimationFrame(function () { setTimeout(function () {"
                              + " done(window.innerWidth <= w); }, 150); });",
                          width)));
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(name + "-" + width + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 900));
      // Widgets react to the resize event a moment later (PrimeFaces closes open panels): let
      // it pass before the test goes on.
      wait.until(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeAsyncScript(
                          "var done = arguments[0]; requestAnimationFrame(function () {"
                              + " setTimeout(function () { done(window.innerWidth >= 1200); }, 100); });")));
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
