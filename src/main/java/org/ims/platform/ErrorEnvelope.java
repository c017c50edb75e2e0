package org.ims.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The body of every failed API response: {@code
 * {"status":"error","error":{"code","message","details":[{"field","message"}],"requestId"}}}.
 */
@JsonbPropertyOrder({"status", "error"})
public record ErrorEnvelope(String status, Error error) {

  @JsonbPropertyOrder({"code", "message", "details", "requestId"})
  public record Error(String code, String message, List<FieldError> details, String requestId) {}

  /** One problem with one input: a body property, a query parameter or a header. */
  public record FieldError(String field, String message) {}

  public static ErrorEnvelope of(
      ErrorCode code, String message, List<FieldError> details, String requestId) {
    return new ErrorEnvelope(
        "error", new Error(code.name(), message, details == null ? List.of() : details, requestId));
  }

  /** The code and a plain message for a status that carries no more specific explanation. */
  public static ErrorEnvelope forStatus(int status, String requestId) {
    return of(ErrorCode.forStatus(status), ErrorCode.messageFor(status), List.of(), requestId);
  }
}
