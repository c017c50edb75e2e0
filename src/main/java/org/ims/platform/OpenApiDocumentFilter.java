package org.ims.platform;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Serves the REST contract, {@code META-INF/openapi.yaml}, at {@code /openapi} exactly as written:
 * YAML, or JSON for {@code Accept: application/json} or {@code ?format=JSON} (as MicroProfile
 * OpenAPI does). The server's own OpenAPI processor, given the same file, drops an operation's
 * empty security requirement (so login would seem to need a token) and adds a non-standard
 * property, which makes the document invalid; clients and the tests must see the file itself.
 */
public class OpenApiDocumentFilter extends HttpFilter {

  static final String RESOURCE = "META-INF/openapi.yaml";

  private byte[] yaml;
  private byte[] json;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ServletException("The REST contract " + RESOURCE + " is missing from the WAR");
      }
      yaml = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json = asJson(yaml);
  }

  /** The document as JSON text; also what the tests compare the served document with. */
  static byte[] asJson(byte[] yamlText) {
    Object document =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(new String(yamlText, StandardCharsets.UTF_8));
    return Json.createObjectBuilder(plain(asMap(document)))
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    boolean asJson = wantsJson(request);
    byte[] body = asJson ? json : yaml;
    response.setContentType(asJson ? "application/json" : "application/yaml");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    if ("GET".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String format = request.getParameter("format");
    if (format != null) {
      return format.equalsIgnoreCase("json");
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("application/json") && !accept.contains("yaml");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** YAML's values as JSON-P builds them: keys as text, timestamps as ISO-8601 text. */
  private static Map<String, Object> plain(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(String.valueOf(key), plainValue(value)));
    return result;
  }

  private static Object plainValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return plain(map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(OpenApiDocumentFilter::plainValue).toList();
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toString();
    }
    return value;
  }
}
