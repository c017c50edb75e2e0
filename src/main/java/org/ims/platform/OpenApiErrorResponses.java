package org.ims.platform;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the OpenAPI document once instead of annotating every operation: each error response is
 * described by the error envelope, and every operation that needs a token lists 401. (Registered by
 * {@code mp.openapi.filter}.)
 */
public class OpenApiErrorResponses implements OASFilter {

  /** Operations that need no token (see {@code org.ims.auth.PublicEndpoint}). */
  private static final Set<String> PUBLIC_PATHS = Set.of("/api/auth/login", "/api/auth/refresh");

  private static final String ENVELOPE = "#/components/schemas/ErrorEnvelope";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (!path.startsWith("/api/")) {
                return;
              }
              for (Operation operation : item.getOperations().values()) {
                if (!PUBLIC_PATHS.contains(path)) {
                  addIfMissing(operation, "401", "UNAUTHORIZED: no valid bearer token");
                }
                describeErrors(operation);
              }
            });
  }

  private static void addIfMissing(Operation operation, String code, String description) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    if (!operation.getResponses().hasAPIResponse(code)) {
      operation
          .getResponses()
          .addAPIResponse(code, OASFactory.createAPIResponse().description(description));
    }
  }

  private static void describeErrors(Operation operation) {
    if (operation.getResponses() == null) {
      return;
    }
    for (Map.Entry<String, APIResponse> response :
        operation.getResponses().getAPIResponses().entrySet()) {
      boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
      Content content = response.getValue().getContent();
      if (error
          && (content == null
              || content.getMediaTypes() == null
              || content.getMediaTypes().isEmpty())) {
        response
            .getValue()
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        "application/json",
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(ENVELOPE))));
      }
    }
  }
}
