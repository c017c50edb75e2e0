package org.ims.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures to {@link ErrorMapper}. Needed only because JAX-RS picks the most
 * specific mapper, and the runtime's own mapper for validation exceptions is more specific than
 * {@code ExceptionMapper<Throwable>}: without this, field details would be lost.
 */
@Provider
public class ValidationErrorMapper implements ExceptionMapper<ConstraintViolationException> {

  private final ErrorMapper errors = new ErrorMapper();

  @Override
  public Response toResponse(ConstraintViolationException failure) {
    return errors.toResponse(failure);
  }
}
