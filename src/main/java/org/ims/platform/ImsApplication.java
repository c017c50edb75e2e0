package org.ims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
public class ImsApplication extends Application {}
