package org.ims.platform;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * A refusal the caller can act on, raised by services: an {@link ErrorCode}, a sentence for people,
 * and the fields concerned. The REST API answers it as the error envelope ({@link ErrorMapper});
 * pages show it as messages ({@link Pages#show}). Marked as an EJB application exception so that it
 * reaches both as itself (not wrapped) while still rolling the transaction back.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final transient List<FieldError> details;
  private final transient Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public ApiException(ErrorCode code, String message, List<FieldError> details) {
    super(message);
    this.code = code;
    this.details = List.copyOf(details);
  }

  /** VALIDATION_ERROR listing every problem found. */
  public static ApiException invalid(String message, List<FieldError> problems) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, message, problems);
  }

  /** VALIDATION_ERROR of one field. */
  public static ApiException invalid(String message, String field, String problem) {
    return invalid(message, List.of(new FieldError(field, problem)));
  }

  /** A response header the client needs to act on the error, such as Retry-After. */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return code.status();
  }

  public List<FieldError> details() {
    return details;
  }
}
