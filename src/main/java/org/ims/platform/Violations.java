package org.ims.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures as the field errors of the error envelope. */
public final class Violations {

  private Violations() {}

  public static List<ErrorEnvelope.FieldError> fieldErrors(
      Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new ErrorEnvelope.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
        .sorted(
            Comparator.comparing(ErrorEnvelope.FieldError::field)
                .thenComparing(ErrorEnvelope.FieldError::message))
        .toList();
  }

  /** The innermost named node: "create.arg0.title" is reported as "title". */
  private static String fieldName(Path path) {
    String name = "";
    for (Path.Node node : path) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    return name;
  }
}
