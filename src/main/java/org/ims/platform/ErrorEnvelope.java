package org.ims.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every failed API response (spec §6.6): {@code
 * {"status":"error","error":{"code","message","details":[{"field","message"}],"requestId"}}}.
 */
@JsonbPropertyOrder({"status", "error"})
@Schema(
    name = "ErrorEnvelope",
    description = "Every failed response: a code to branch on, a message, field details")
public record ErrorEnvelope(String status, Error error) {

  @JsonbPropertyOrder({"code", "message", "details", "requestId"})
  public record Error(String code, String message, List<FieldError> details, String requestId) {}

  /** One problem with one input: a body property, a query parameter or a header. */
  public record FieldError(String field, String message) {}

  public static ErrorEnvelope of(
      String code, String message, List<FieldError> details, String requestId) {
    return new ErrorEnvelope(
        "error", new Error(code, message, details == null ? List.of() : details, requestId));
  }

  /** The code and a plain message for a status that carries no more specific explanation. */
  public static ErrorEnvelope forStatus(int status, String requestId) {
    return of(codeFor(status), messageFor(status), List.of(), requestId);
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 423 -> "LOCKED";
      case 429 -> "RATE_LIMITED";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  static String messageFor(int status) {
    return switch (status) {
      case 400 -> "The request is not valid.";
      case 401 -> "Authentication is required.";
      case 403 -> "You are not allowed to do this.";
      case 404 -> "Nothing was found at this address.";
      case 405 -> "This method is not allowed here.";
      case 406 -> "No acceptable representation: this API speaks application/json.";
      case 409 -> "The request conflicts with the current state of the resource.";
      case 413 -> "The request body is too large.";
      case 415 -> "Unsupported content type: send application/json.";
      case 423 -> "The resource is locked.";
      case 429 -> "Too many requests: slow down and retry later.";
      case 503 -> "The service is temporarily unavailable.";
      default ->
          status >= 500
              ? "An unexpected error occurred. Quote the request id if you report it."
              : "The request could not be processed.";
    };
  }
}
