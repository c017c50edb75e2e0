package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ims.testing.Http;
import org.junit.jupiter.api.Test;

/** The operator's endpoints: health, metrics, OpenAPI and the API documentation page. */
class OpsEndpointsIT {

  @Test
  void readinessReportsTheDatabaseUp() {
    Http.Reply reply = Http.get("/health/ready");
    assertEquals(200, reply.status());
    JsonObject health = reply.json();
    assertEquals("UP", health.getString("status"));
    JsonObject database = health.getJsonArray("checks").getJsonObject(0);
    assertEquals("database", database.getString("name"));
    assertEquals("UP", database.getString("status"));
  }

  @Test
  void livenessAndOverallHealthAreUp() {
    assertEquals("UP", Http.get("/health/live").json().getString("status"));
    assertEquals("UP", Http.get("/health").json().getString("status"));
  }

  @Test
  void metricsAreExposedInPrometheusFormat() {
    Http.Reply reply = Http.get("/metrics");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    assertTrue(reply.body().contains("# TYPE "), "Prometheus exposition format expected");
  }

  @Test
  void openApiDocumentDescribesThisApi() {
    Http.Reply reply = Http.get("/openapi", "Accept", "application/json");
    assertEquals(200, reply.status());
    assertEquals(
        "Interaction Management System API", reply.json().getJsonObject("info").getString("title"));
  }

  @Test
  void swaggerUiPageAndItsScriptsAreServedByTheWar() {
    Http.Reply page = Http.get("/api-docs/");
    assertEquals(200, page.status());
    Matcher script =
        Pattern.compile("src=\"\\.\\./(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
            .matcher(page.body());
    assertTrue(script.find(), "the page loads the Swagger UI bundle");
    assertEquals(200, Http.get("/" + script.group(1)).status());
    Http.Reply init = Http.get("/api-docs/init.js");
    assertEquals(200, init.status());
    assertTrue(init.body().contains("/openapi"), "Swagger UI reads this server's /openapi");
  }

  @Test
  void theStartPageLeadsAnonymousVisitorsToTheLoginPage() {
    Http.Reply start = Http.get("/");
    assertEquals(302, start.status());
    assertTrue(start.header("Location").orElseThrow().contains("/login.xhtml"));
    Http.Reply login = Http.get("/login.xhtml");
    assertEquals(200, login.status());
    assertTrue(login.body().contains("Interaction Management"));
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/login.xhtml", "/api/auth/me", "/health/ready")) {
      Http.Reply reply = Http.get(path);
      assertEquals("nosniff", reply.header("X-Content-Type-Options").orElse(null), path);
      assertTrue(
          reply.headers().allValues("Content-Security-Policy").stream()
              .anyMatch(v -> v.contains("frame-ancestors 'none'")),
          path);
      assertEquals("DENY", reply.header("X-Frame-Options").orElse(null), path);
      assertTrue(reply.header("Referrer-Policy").isPresent(), path);
      // server-config/payara-micro/pre-boot-commands.asadmin: the server does not advertise itself.
      assertTrue(reply.header("X-Powered-By").isEmpty(), path);
      assertFalse(reply.header("Server").orElse("").contains("Payara"), path);
    }
    assertTrue(
        Http.get("/login.xhtml").headers().allValues("Content-Security-Policy").stream()
            .anyMatch(v -> v.contains("script-src") && v.contains("nonce-")),
        "pages restrict scripts to this response's nonce");
  }
}
