package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.testing.Api;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * No request waits on the database without bound: a search, an export or a page held up longer than
 * the statement timeout (the test server's is {@link TestEnvironment#STATEMENT_TIMEOUT}) is stopped
 * by PostgreSQL, answered 503 SERVICE_UNAVAILABLE with Retry-After (a message on the page), and
 * leaves no statement of the application behind. The slow query is made for real: the test holds an
 * exclusive lock on the interactions table, which every search must wait for.
 */
class StatementTimeoutIT {

  private static final long TIMEOUT_MS = TestEnvironment.STATEMENT_TIMEOUT.toMillis();

  /** Runs {@code work} while the interactions table is locked; the lock ends with the test. */
  private static void whileInteractionsAreLocked(Runnable work) throws SQLException {
    try (Connection lock = TestEnvironment.database().connectAsSuperuser()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE interactions IN ACCESS EXCLUSIVE MODE");
      }
      try {
        work.run();
      } finally {
        lock.rollback();
      }
    }
  }

  /** Statements of the application still waiting for a lock: none once a request has answered. */
  private static long applicationStatementsWaiting() {
    try (Connection c = TestEnvironment.database().connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'ims_app'"
                    + " AND state = 'active' AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSearchHeldUpPastTheTimeoutIsStoppedAndAnswered503WithRetryAfter() throws SQLException {
    String token = Api.demoToken("editor");
    whileInteractionsAreLocked(
        () -> {
          long start = System.nanoTime();
          Http.Reply search = Api.get(token, "/api/interactions?search=budget");
          long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
          System.out.println("A search held up by a lock answered after " + elapsed + " ms");
          assertEquals(503, search.status(), search.body());
          assertEquals(
              "SERVICE_UNAVAILABLE", search.json().getJsonObject("error").getString("code"));
          assertTrue(
              search.json().getJsonObject("error").getString("message").contains("took longer"),
              search.body());
          assertTrue(search.header("Retry-After").isPresent());
          assertTrue(elapsed >= TIMEOUT_MS, "stopped by the timeout, after " + elapsed + " ms");
          assertTrue(elapsed < TIMEOUT_MS + 5_000, "and not much later: " + elapsed + " ms");
          assertEquals(0, applicationStatementsWaiting(), "the statement was cancelled");

          Http.Reply export = Api.get(token, "/api/interactions/export?format=csv");
          assertEquals(503, export.status(), "the export's query has the same bound");
          assertTrue(export.header("Retry-After").isPresent());
          assertEquals(0, applicationStatementsWaiting());
        });
    assertEquals(200, Api.get(token, "/api/interactions?search=budget").status(), "then served");
  }

  @Test
  void theFinderPageSaysWhyItsExportStopped() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String user = TestUsers.create("timeout-page", "Field Office:EDITOR");
    String login = send(browser, "GET", "/login.xhtml", null).body();
    HttpResponse<String> signedIn =
        send(
            browser,
            "POST",
            "/login.xhtml",
            "login=login&login%3Ausername="
                + user
                + "&login%3Apassword="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + viewState(login));
    assertEquals(302, signedIn.statusCode());
    HttpResponse<String> finder = send(browser, "GET", "/index.xhtml", null);
    // A postback carries the page's CSP nonce, as PrimeFaces' script adds it to every form.
    String nonce =
        finder.headers().allValues("Content-Security-Policy").stream()
            .map(policy -> Pattern.compile("'nonce-([^']+)'").matcher(policy))
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .findFirst()
            .orElseThrow();
    Matcher button = Pattern.compile("name=\"([^\"]*exportCsv)\"").matcher(finder.body());
    assertTrue(button.find(), "the Finder has its export button");
    String exportButton = URLEncoder.encode(button.group(1), StandardCharsets.UTF_8);
    String export =
        "finder=finder&"
            + exportButton
            + "="
            + exportButton
            + "&primefaces.nonce="
            + URLEncoder.encode(nonce, StandardCharsets.UTF_8)
            + "&jakarta.faces.ViewState="
            + viewState(finder.body());
    whileInteractionsAreLocked(
        () -> {
          HttpResponse<String> refused = send(browser, "POST", "/index.xhtml", export);
          assertEquals(200, refused.statusCode());
          assertTrue(refused.body().contains("took longer than"), "the page says why");
          assertEquals(0, applicationStatementsWaiting());
        });
  }

  private static String viewState(String page) {
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertTrue(state.find(), "the page carries a view state");
    return URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> send(
      HttpClient browser, String method, String path, String form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .timeout(Duration.ofSeconds(60));
    if (form == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }
}
