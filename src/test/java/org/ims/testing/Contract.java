package org.ims.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The REST contract ({@code META-INF/openapi.yaml}, what the server serves at {@code /openapi}),
 * checked against every API response an integration test receives: its status must be one the
 * operation documents, its body must match the documented schema, with the documented content type.
 * A response the document does not describe fails the test that received it, so the document cannot
 * drift from the code.
 */
public final class Contract {

  /** The document as the WAR carries it (the main resources are on the test class path). */
  public static final String RESOURCE = "META-INF/openapi.yaml";

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(text())
          .withLevelResolver(
              LevelResolver.create()
                  // Paths the API does not have answer 404, and methods it does not have 405:
                  // OpenApiDocumentTest checks that every operation of the code is in the
                  // document and the other way round.
                  .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                  .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                  .withLevel(
                      "validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                  .build())
          .build();

  private Contract() {}

  /** The document's text. */
  public static String text() {
    try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fails when the response to {@code method path} is not what the contract says. Only the API's
   * own addresses are checked ({@code /api/…}, also through the {@code /api/v1} alias).
   */
  public static void check(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    String operation = URI.create(path.replace("%00", "")).getPath();
    if (operation == null || !operation.startsWith("/api/")) {
      return;
    }
    operation = operation.replaceFirst("^/api/v1/", "/api/");
    if (status == 405 || method.equals("OPTIONS")) {
      // Not an operation: a method this address does not have (the answer names those it has),
      // or HTTP's own question which methods those are.
      return;
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    headers.forEach(
        (name, values) -> {
          if (name != null) {
            response.withHeader(name, values);
          }
        });
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    ValidationReport report =
        VALIDATOR.validateResponse(operation, Request.Method.valueOf(method), response.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          method
              + " "
              + path
              + " answered "
              + status
              + ", which the REST contract does not describe:\n"
              + report.getMessages().stream()
                  .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                  .collect(Collectors.joining("\n"))
              + "\nbody: "
              + (body == null ? "" : body.substring(0, Math.min(body.length(), 500))));
    }
  }
}
