package org.ims.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * A form post that did not come from a page this server rendered (no valid view state) is refused
 * and changes nothing: the classic cross-site "log the victim out" post leaves the session alone.
 */
class CsrfIT {

  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @Test
  void aForgedLogoutPostIsRefusedAndTheSessionStays() throws Exception {
    logIn("viewer", "Viewer#2026pass");
    assertEquals(200, get("/index.xhtml").statusCode());

    HttpResponse<String> forged =
        post(
            "/index.xhtml",
            "topbar=topbar&topbar%3Alogout=topbar%3Alogout&jakarta.faces.ViewState=-123%3A456");
    assertEquals(400, forged.statusCode());
    assertTrue(forged.body().contains("did not come from this application"), forged.body());

    HttpResponse<String> after = get("/index.xhtml");
    assertEquals(200, after.statusCode(), "still logged in");
    assertTrue(after.body().contains("viewer"));
  }

  private void logIn(String username, String password) throws Exception {
    String page = get("/login.xhtml").body();
    Matcher state =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertTrue(state.find(), "the login form carries a view state");
    HttpResponse<String> reply =
        post(
            "/login.xhtml",
            "login=login&login%3Ausername="
                + username
                + "&login%3Apassword="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&login%3Asubmit=&jakarta.faces.ViewState="
                + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8));
    assertEquals(302, reply.statusCode(), reply.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
