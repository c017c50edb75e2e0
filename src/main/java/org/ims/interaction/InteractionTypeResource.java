package org.ims.interaction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ims.platform.ApiResponse;

/** The interaction types a site offers, for forms and clients. */
@Path("/sites/{siteId}/interaction-types")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Interactions")
public class InteractionTypeResource {

  /** One type, as clients see it. */
  public record TypeView(Long id, String name, int position) {}

  /** The success body (for the OpenAPI document). */
  @Schema(name = "InteractionTypeListResponse")
  public static class TypeList {
    @Schema(example = "success")
    public String status;

    public List<TypeView> data;
  }

  @Inject InteractionTypeService types;

  @GET
  @Operation(summary = "The active site's interaction types, in order (retired ones left out)")
  @APIResponse(
      responseCode = "200",
      description = "The types",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "InteractionTypeListResponse")))
  @APIResponse(responseCode = "404", description = "NOT_FOUND: not the caller's active site")
  public ApiResponse<List<TypeView>> list(@PathParam("siteId") long siteId) {
    return ApiResponse.of(
        types.activeTypesOf(siteId).stream()
            .map(t -> new TypeView(t.id(), t.name(), t.position()))
            .toList());
  }
}
