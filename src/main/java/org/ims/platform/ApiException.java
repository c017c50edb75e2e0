package org.ims.platform;

import jakarta.ejb.ApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, raised by services and turned into the error envelope by {@link
 * ErrorMapper}. Marked as an EJB application exception so that it reaches the REST and UI layers as
 * itself (not wrapped) while still rolling the transaction back.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final transient List<ErrorEnvelope.FieldError> details;
  private final transient Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(
      int status, String code, String message, List<ErrorEnvelope.FieldError> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  /** A response header the client needs to act on the error, such as Retry-After. */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ErrorEnvelope.FieldError> details() {
    return details;
  }
}
