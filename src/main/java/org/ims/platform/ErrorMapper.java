package org.ims.platform;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failure of the REST API becomes a response: the error envelope with a code
 * a program can branch on, a message a person can read, field details where they apply, and the
 * request id. Never a stack trace; unexpected failures are logged with the request id instead.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  /** Headers of a framework error response that the client still needs (e.g. Allow on 405). */
  private static final Set<String> KEPT_HEADERS =
      Set.of("Allow", "WWW-Authenticate", "Retry-After", "ETag", "Location");

  @Override
  public Response toResponse(Throwable failure) {
    Throwable cause = unwrap(failure);
    for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ApiException api) {
        cause = api;
        break;
      }
    }
    String requestId = CurrentRequest.id();
    if (cause instanceof ApiException api) {
      Response.ResponseBuilder builder =
          Response.status(api.status())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(ErrorEnvelope.of(api.code(), api.getMessage(), api.details(), requestId));
      api.headers().forEach(builder::header);
      return builder.build();
    }
    if (cause instanceof ConstraintViolationException invalid) {
      return respond(
          400,
          ErrorEnvelope.of(
              ErrorCode.VALIDATION_ERROR,
              "Some fields are not valid.",
              Violations.fieldErrors(invalid.getConstraintViolations()),
              requestId));
    }
    if (isUnreadableBody(cause)) {
      // Bodies are read by StrictJsonBodyReader, which names the property at fault; this is for
      // anything else JSON-B was asked to read. Its own text names Java classes: not shown.
      return respond(
          400,
          ErrorEnvelope.of(
              ErrorCode.MALFORMED_REQUEST,
              "The request body is not valid JSON of the expected shape.",
              List.of(
                  new ErrorEnvelope.FieldError(
                      "body", "The request body is not valid JSON of the expected shape.")),
              requestId));
    }
    Optional<ApiException> unavailable = DatabaseUnavailable.refusalFor(cause, requestId);
    if (unavailable.isPresent()) {
      return toResponse(unavailable.get());
    }
    if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response original = web.getResponse();
      Response.ResponseBuilder builder =
          Response.status(original.getStatus())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(ErrorEnvelope.forStatus(original.getStatus(), requestId));
      original.getStringHeaders().entrySet().stream()
          .filter(header -> KEPT_HEADERS.contains(header.getKey()))
          .forEach(header -> header.getValue().forEach(v -> builder.header(header.getKey(), v)));
      return builder.build();
    }
    LOG.log(Level.SEVERE, "Unexpected failure, requestId=" + requestId, cause);
    return respond(500, ErrorEnvelope.forStatus(500, requestId));
  }

  private static Response respond(int status, ErrorEnvelope body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** EJB and JAX-RS wrap the exception that matters; find it. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof EJBException || current instanceof ProcessingException)
        && current.getCause() != null
        && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean isUnreadableBody(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
