package org.ims.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (from its webjar, a test dependency) inside the page a browser test has open, with
 * the WCAG 2.0 and 2.1 level A and AA rules: the product promises WCAG 2.1 AA.
 */
public final class Axe {

  /** The WCAG rule sets axe runs; best-practice rules are not part of that promise. */
  public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final List<String> BLOCKING = List.of("serious", "critical");

  private static final String SOURCE = loadSource();

  /** One broken rule, with the CSS selectors of every element that breaks it. */
  public record Violation(
      String id, String impact, String help, String helpUrl, List<String> targets) {

    public boolean blocking() {
      return BLOCKING.contains(impact);
    }

    @Override
    public String toString() {
      return id + " [" + impact + "] " + help + " (" + helpUrl + ")\n      at " + targets;
    }
  }

  private Axe() {}

  /** Every WCAG A/AA violation axe finds in the page as it is now. */
  public static List<Violation> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // The page's Content-Security-Policy does not apply to scripts the driver runs, so axe needs
    // no nonce; injecting once per page is enough, a new page starts without it.
    js.executeScript("if (!window.axe) { " + SOURCE + "\n}");
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object result =
        js.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + " axe.run(document, { runOnly: { type: 'tag', values: arguments[0] },"
                + "                     resultTypes: ['violations'] })"
                + "  .then(function (r) { done(r.violations.map(function (v) { return {"
                + "     id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,"
                + "     targets: v.nodes.map(function (n) { return n.target.join(' >>> '); })"
                + "   }; })); })"
                + "  .catch(function (e) { done('axe failed: ' + e); });",
            TAGS);
    if (!(result instanceof List<?> list)) {
      throw new IllegalStateException(String.valueOf(result));
    }
    return list.stream().map(Axe::violation).toList();
  }

  /**
   * Fails, naming every one of them, if the page has violations of impact serious or critical; the
   * minor and moderate ones are printed for review.
   */
  public static void assertNoSeriousViolations(WebDriver driver, String page) {
    List<Violation> all = violations(driver);
    List<Violation> blocking = all.stream().filter(Violation::blocking).toList();
    all.stream()
        .filter(v -> !v.blocking())
        .forEach(v -> System.out.println("axe, " + page + ": " + v));
    if (!blocking.isEmpty()) {
      fail(
          blocking.size()
              + " serious or critical accessibility violation(s) on "
              + page
              + ":\n  "
              + blocking.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
    }
  }

  private static Violation violation(Object raw) {
    Map<?, ?> v = (Map<?, ?>) raw;
    List<String> targets = ((List<?>) v.get("targets")).stream().map(String::valueOf).toList();
    return new Violation(
        (String) v.get("id"),
        String.valueOf(v.get("impact")),
        (String) v.get("help"),
        (String) v.get("helpUrl"),
        targets);
  }

  /** axe.min.js of whichever axe-core webjar the build put on the test class path. */
  private static String loadSource() {
    ClassLoader loader = Axe.class.getClassLoader();
    try (InputStream pom =
        loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      if (pom == null) {
        throw new IllegalStateException("The axe-core webjar is not on the test class path");
      }
      Properties properties = new Properties();
      properties.load(pom);
      String script =
          "META-INF/resources/webjars/axe-core/"
              + properties.getProperty("version")
              + "/axe.min.js";
      try (InputStream in = loader.getResourceAsStream(script)) {
        if (in == null) {
          throw new IllegalStateException("No " + script + " in the axe-core webjar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
