package org.ims.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain HTTP client for the integration tests, talking to the shared test server. Every API
 * response it receives is checked against the REST contract ({@link Contract}).
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Http() {}

  /** A response, read whole. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }
  }

  public static Reply get(String path, String... headers) {
    return send("GET", path, (String) null, headers);
  }

  /** Sends a request; {@code headers} are name, value pairs. */
  public static Reply send(String method, String path, String body, String... headers) {
    return sendBytes(
        method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** Sends a request whose body is these very bytes (text or not). */
  public static Reply sendBytes(String method, String path, byte[] body, String... headers) {
    return sendTo(TestEnvironment.baseUrl(), method, path, body, headers);
  }

  /** Sends a request to another server than the shared test server (ServersSmokeIT). */
  public static Reply sendTo(
      String baseUrl, String method, String path, String body, String... headers) {
    return sendTo(
        baseUrl,
        method,
        path,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        headers);
  }

  private static Reply sendTo(
      String baseUrl, String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Contract.check(
          method, path, response.statusCode(), response.headers().map(), response.body());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
