package org.ims.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ims.platform.ErrorEnvelope.FieldError;

/**
 * The one way inputs are validated (see docs/architecture.md, "Validation"): a service receives an
 * input object whose Bean Validation constraints state what each field may hold, adds what only it
 * can check (uniqueness, the site's types), and refuses once, listing every problem. REST resources
 * and pages validate nothing themselves, so both get the same answer.
 */
@ApplicationScoped
public class InputValidator {

  @Inject Validator validator;

  /** The constraint violations of the input, as field errors sorted by field. */
  public List<FieldError> problems(Object input) {
    return Violations.fieldErrors(validator.validate(input));
  }

  /**
   * Refuses with VALIDATION_ERROR when the input breaks a constraint or {@code more} holds a
   * problem the service found; {@code message} says what did not happen.
   */
  public void require(Object input, String message, List<FieldError> more) {
    List<FieldError> all = new ArrayList<>(problems(input));
    all.addAll(more);
    if (!all.isEmpty()) {
      all.sort(Comparator.comparing(FieldError::field));
      throw ApiException.invalid(message, all);
    }
  }

  public void require(Object input, String message) {
    require(input, message, List.of());
  }
}
