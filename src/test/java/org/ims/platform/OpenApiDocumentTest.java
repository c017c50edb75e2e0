package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ims.testing.Contract;
import org.junit.jupiter.api.Test;

/**
 * The REST contract ({@code META-INF/openapi.yaml}) is valid OpenAPI 3, and it describes exactly
 * the operations the code has, each with the answers every operation can give. (That each answer
 * the code gives matches it is checked on every response the integration tests receive.)
 */
class OpenApiDocumentTest {

  private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> METHODS =
      Map.of(
          GET.class, PathItem.HttpMethod.GET,
          POST.class, PathItem.HttpMethod.POST,
          PUT.class, PathItem.HttpMethod.PUT,
          PATCH.class, PathItem.HttpMethod.PATCH,
          DELETE.class, PathItem.HttpMethod.DELETE);

  /** The two operations that need no token. */
  private static final Set<String> PUBLIC =
      Set.of("POST /api/auth/login", "POST /api/auth/refresh");

  private static final OpenAPI API = parse();

  private static OpenAPI parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(Contract.text(), null, options);
    assertEquals(List.of(), result.getMessages(), "the parser's complaints about the document");
    return result.getOpenAPI();
  }

  @Test
  void theDocumentIsValidOpenApi3() {
    assertTrue(API.getOpenapi().startsWith("3.0."), API.getOpenapi());
    assertTrue(API.getComponents().getSecuritySchemes().containsKey("bearerAuth"));
  }

  @Test
  void theDocumentDescribesExactlyTheOperationsOfTheCode() {
    Set<String> documented = new TreeSet<>();
    API.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap().keySet().forEach(m -> documented.add(m + " " + path)));
    assertEquals(codeOperations(), documented);
  }

  @Test
  void everyOperationIsNamedOnceAndSaysWhoMayCallIt() {
    Set<String> ids = new TreeSet<>();
    eachOperation(
        (name, operation) -> {
          assertTrue(ids.add(operation.getOperationId()), "operationId twice: " + name);
          if (PUBLIC.contains(name)) {
            assertEquals(List.of(), operation.getSecurity(), name + " needs no token");
          } else {
            assertEquals(null, operation.getSecurity(), name + " takes the bearer token");
            assertTrue(operation.getResponses().containsKey("401"), name + " documents 401");
            assertTrue(operation.getResponses().containsKey("403"), name + " documents 403");
          }
        });
    assertEquals(List.of(Map.of("bearerAuth", List.of())), API.getSecurity());
  }

  @Test
  void everyOperationDocumentsTheAnswersAnyOperationCanGive() {
    eachOperation(
        (name, operation) -> {
          for (String status : List.of("400", "429", "500", "503")) {
            assertTrue(operation.getResponses().containsKey(status), name + " documents " + status);
          }
          boolean hasBody = operation.getRequestBody() != null;
          if (hasBody) {
            assertTrue(operation.getResponses().containsKey("413"), name + " documents 413");
            assertTrue(operation.getResponses().containsKey("415"), name + " documents 415");
          }
          if (name.contains("{")) {
            assertTrue(operation.getResponses().containsKey("404"), name + " documents 404");
          }
          operation
              .getResponses()
              .forEach(
                  (status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                      assertTrue(
                          response.getContent().containsKey("application/json"),
                          name + " " + status + " answers the error envelope");
                    }
                  });
        });
  }

  /** The operations of the JAX-RS resources, as "METHOD /api/path/{param}". */
  private static Set<String> codeOperations() {
    Set<String> operations = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ims")) {
      Class<?> resource = type.reflect();
      if (!resource.isAnnotationPresent(Path.class)) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        METHODS.forEach(
            (annotation, http) -> {
              if (method.isAnnotationPresent(annotation)) {
                operations.add(http + " " + RouteTemplateFilter.template(resource, method));
              }
            });
      }
    }
    return operations;
  }

  private interface OperationCheck {
    void check(String name, Operation operation);
  }

  private static void eachOperation(OperationCheck check) {
    List<String> names = new ArrayList<>();
    API.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          names.add(method + " " + path);
                          check.check(method + " " + path, operation);
                        }));
    assertTrue(names.size() >= 40, "operations checked: " + names.size());
  }
}
