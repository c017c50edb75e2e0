package org.ims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API root. Its contract is {@code META-INF/openapi.yaml}, served at {@code /openapi}; the
 * integration tests check every response they receive against it. Bearer tokens are verified by
 * MicroProfile JWT; which operations need one is decided by {@code org.ims.auth.BearerTokenFilter}
 * (all but login and refresh).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
public class ImsApplication extends Application {

  /**
   * Jersey (Payara's JAX-RS) answers {@code /api/application.wadl} and every {@code OPTIONS}
   * request with a generated WADL document naming itself and its version: a second, unmaintained
   * description of the API beside {@code /openapi}, and the server's make for anyone who asks. Off;
   * other JAX-RS implementations ignore the property.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
