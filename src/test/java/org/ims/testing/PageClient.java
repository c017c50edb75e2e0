package org.ims.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages as a browser without JavaScript sees them: one cookie jar (the page session), plain
 * GETs and form posts. For tests about what the server answers to a page request, where a real
 * browser would hide the status code.
 */
public final class PageClient {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  /**
   * Signs in through the login form; the answer is the form's (302 to the next page on success).
   */
  public HttpResponse<String> logIn(String username, String password) {
    String page = get("/login.xhtml").body();
    Matcher state = VIEW_STATE.matcher(page);
    if (!state.find()) {
      throw new IllegalStateException("The login form carries no view state: " + page);
    }
    return post(
        "/login.xhtml",
        "login=login&login%3Ausername="
            + encode(username)
            + "&login%3Apassword="
            + encode(password)
            + "&login%3Asubmit=&jakarta.faces.ViewState="
            + encode(state.group(1)));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path)).build());
  }

  public HttpResponse<String> post(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
