package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.ims.testing.Api;
import org.ims.testing.Contract;
import org.ims.testing.Http;
import org.ims.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * What the server answers below the API's operations: methods it does not serve, addresses it will
 * not read, forms it cannot restore, and the REST contract it serves.
 */
class HttpTransportIT {

  @Test
  void traceIsRefusedAndItsBodyIsNeverReadAsASecondRequest() throws IOException {
    String smuggled = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
    String raw =
        "TRACE /api/interactions HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + smuggled.length()
            + "\r\n\r\n"
            + smuggled;
    String answer = exchange(raw);
    assertTrue(answer.startsWith("HTTP/1.1 405"), answer);
    assertTrue(answer.contains("\"METHOD_NOT_ALLOWED\""), answer);
    assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer only: " + answer);
  }

  @Test
  void anAddressOver8KbIs414WithTheEnvelope() throws IOException {
    // HTTP/1.1: over HTTP/2 the server's HTTP/2 layer refuses a header block this large itself.
    String answer =
        exchange(
            "GET /api/interactions?search="
                + "a".repeat(9000)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                + Api.demoToken("viewer")
                + "\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
    assertTrue(answer.contains("\"URI_TOO_LONG\""), answer);
  }

  @Test
  void anEncodedNulInThePathIsRefusedWithoutAnError500() throws IOException {
    // The HTTP parser itself refuses it, before the application can answer with its envelope.
    String answer = exchange("PUT /api/interactions/%00 HTTP/1.1\r\nHost: x\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
  }

  @Test
  void aWrongMethodOnAnAddressIs405NamingTheAllowedOnes() {
    Http.Reply reply = Api.send("PUT", Api.demoToken("admin"), "/api/interactions/deleted", "{}");
    assertEquals(405, reply.status());
    assertEquals("METHOD_NOT_ALLOWED", reply.json().getJsonObject("error").getString("code"));
    assertTrue(reply.header("Allow").orElseThrow().contains("GET"));
  }

  @Test
  void aFormPostedWithAStatelessViewStateIs400AndDoesNothing() {
    Http.Reply reply =
        Http.send(
            "POST",
            "/login.xhtml",
            "login=login&login%3Ausername=admin&login%3Apassword=x"
                + "&jakarta.faces.ViewState=stateless",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertEquals(400, reply.status(), reply.body());
    assertFalse(reply.body().contains("Exception"), reply.body());
  }

  @Test
  void theServedContractIsTheDocumentAsWritten() {
    JsonObject file =
        Json.createReader(
                new StringReader(
                    new String(
                        OpenApiDocumentFilter.asJson(
                            Contract.text().getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8)))
            .readObject();
    Http.Reply json = Http.get("/openapi", "Accept", "application/json");
    assertEquals(200, json.status());
    assertEquals(file, json.json());
    Http.Reply yaml = Http.get("/openapi");
    assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
    assertEquals(Contract.text(), yaml.body());
    assertEquals(file, Http.get("/openapi?format=JSON").json());
  }

  /** One raw exchange on one connection, read until the server closes it or goes quiet. */
  private static String exchange(String request) throws IOException {
    URI server = URI.create(TestEnvironment.baseUrl());
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(3000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
          answer.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException quiet) {
        // kept alive with nothing more to say
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
