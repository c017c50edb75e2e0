package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.ims.interaction.InteractionResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names of requests for the access log and the metrics: templates, views, folders, bounded. */
class RouteNameTest {

  @ParameterizedTest
  @CsvSource({
    "/api/interactions/123, /api/*",
    "/api, /api/*",
    "/health/ready, /health/ready",
    "/metrics, /metrics",
    "/jakarta.faces.resource/theme.css.xhtml, /jakarta.faces.resource/*",
    "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js, /webjars/*",
    "/resources/css/ims.css, /resources/*",
    "/interaction.xhtml, /interaction.xhtml",
    "/admin/users.xhtml, /admin/users.xhtml",
    "/made-up-1234.xhtml, OTHER",
    "/wp-login.php, OTHER"
  })
  void pathsOutsideTheApiAreNamedFromABoundedSet(String path, String name) {
    assertEquals(name, RouteName.of(path, view -> !view.startsWith("/made-up")), "name of " + path);
  }

  @Test
  void apiOperationsAreNamedByTheirPathTemplate() throws NoSuchMethodException {
    assertEquals(
        "/api/interactions/{id}",
        RouteTemplateFilter.template(
            InteractionResource.class, InteractionResource.class.getMethod("get", long.class)));
    assertEquals(
        "/api/interactions",
        RouteTemplateFilter.template(
            InteractionResource.class, InteractionResource.class.getMethod("find")));
  }

  @Path("/things/")
  static class Things {
    @GET
    @Path("{id: [0-9]+}/parts/{part}")
    public String part() {
      return "";
    }
  }

  static class ProxyOfThings extends Things {}

  @Test
  void parameterExpressionsAndContainerProxiesDoNotChangeTheName() throws NoSuchMethodException {
    assertEquals(
        "/api/things/{id}/parts/{part}",
        RouteTemplateFilter.template(ProxyOfThings.class, Things.class.getMethod("part")));
  }
}
