package org.ims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API root. Resources are discovered; every path is also reachable under /api/v1. */
@ApplicationPath("/api")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Interaction Management System API",
            version = "1",
            description =
                "Record, find and maintain the interactions of the caller's active site. Every"
                    + " response uses the envelope {status, data, meta} or {status, error}."))
public class ImsApplication extends Application {}
