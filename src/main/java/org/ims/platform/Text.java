package org.ims.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * A text field of an input: at most {@link #max()} characters, only characters the system stores
 * ({@link TextRules}), and, when {@link #required()}, something visible. The message is what a
 * missing value is told; the other problems say themselves. One constraint for the three, so that a
 * field reports one problem at a time, the one to fix first.
 */
@Constraint(validatedBy = Text.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Text {

  /** Told when a required value is missing or blank. */
  String message() default "Enter a value.";

  boolean required() default false;

  int max();

  /** Whether tabs and line breaks are allowed. */
  boolean multiline() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks one value. */
  class Validator implements ConstraintValidator<Text, String> {

    private Text rule;

    @Override
    public void initialize(Text rule) {
      this.rule = rule;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (TextRules.isBlank(value)) {
        return !rule.required();
      }
      String problem = TextRules.problem(value, rule.multiline());
      if (problem == null && value.length() > rule.max()) {
        problem = String.format(Locale.ROOT, "Use at most %,d characters.", rule.max());
      }
      if (problem != null) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(problem.replace("{", "\\{"))
            .addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
