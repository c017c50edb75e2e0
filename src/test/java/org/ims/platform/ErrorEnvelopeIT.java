package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.ims.testing.Http;
import org.junit.jupiter.api.Test;

/** Failures outside any feature: unknown addresses, request ids, never a stack trace. */
class ErrorEnvelopeIT {

  @Test
  void unknownApiRouteAnswersTheErrorEnvelope() {
    Http.Reply reply = Http.get("/api/no-such-thing");
    assertEquals(404, reply.status());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    JsonObject body = reply.json();
    assertEquals("error", body.getString("status"));
    JsonObject error = body.getJsonObject("error");
    assertEquals("NOT_FOUND", error.getString("code"));
    assertFalse(error.getString("message").isBlank());
    assertEquals(0, error.getJsonArray("details").size());
    assertEquals(reply.header(RequestId.HEADER).orElseThrow(), error.getString("requestId"));
  }

  @Test
  void unknownApiRouteWithABodyStillAnswersTheEnvelope() {
    Http.Reply reply =
        Http.send("POST", "/api/no-such-thing", "{not json", "Content-Type", "application/json");
    assertEquals(404, reply.status());
    assertEquals("NOT_FOUND", reply.json().getJsonObject("error").getString("code"));
  }

  @Test
  void callersRequestIdIsEchoedAndUsedInTheError() {
    Http.Reply reply = Http.get("/api/no-such-thing", RequestId.HEADER, "lb-1234.abc");
    assertEquals("lb-1234.abc", reply.header(RequestId.HEADER).orElseThrow());
    assertEquals("lb-1234.abc", reply.json().getJsonObject("error").getString("requestId"));
  }

  @Test
  void unacceptableRequestIdIsReplacedNotEchoed() {
    String hostile = "x".repeat(65);
    Http.Reply reply = Http.get("/health/live", RequestId.HEADER, hostile);
    String id = reply.header(RequestId.HEADER).orElseThrow();
    assertNotEquals(hostile, id);
    assertTrue(id.matches("[0-9a-f-]{36}"), id);
  }

  @Test
  void everyResponseCarriesARequestId() {
    assertTrue(Http.get("/").header(RequestId.HEADER).isPresent());
    assertTrue(Http.get("/health/ready").header(RequestId.HEADER).isPresent());
  }

  @Test
  void unknownPageAnswersAPlainPageWithoutInternals() {
    for (String path : new String[] {"/no-such-page", "/no-such-dir/page.html"}) {
      Http.Reply reply = Http.get(path, "Accept", "text/html");
      assertEquals(404, reply.status(), path);
      assertTrue(reply.contentType().startsWith("text/html"), path);
      assertTrue(reply.body().contains(reply.header(RequestId.HEADER).orElseThrow()), path);
      assertNoInternals(reply.body());
    }
  }

  @Test
  void wrongMethodOnAnApiRouteAnswersTheEnvelope() {
    Http.Reply reply = Http.send("DELETE", "/api/no-such-thing", null);
    assertEquals(404, reply.status());
    assertNoInternals(reply.body());
  }

  static void assertNoInternals(String body) {
    assertFalse(body.contains("Exception"), body);
    assertFalse(body.contains("\tat "), body);
    assertFalse(body.contains("Payara"), body);
  }
}
