package org.ims.interaction;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The rules that involve more than one field or the time-zone database: the time zone is a known
 * IANA id, and the end comes after the start. Each problem is reported on its own field.
 */
@Constraint(validatedBy = ValidSchedule.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidSchedule {

  String message() default "The schedule is not valid.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks an {@link InteractionDraft}. */
  class Validator implements ConstraintValidator<ValidSchedule, InteractionDraft> {

    @Override
    public boolean isValid(InteractionDraft draft, ConstraintValidatorContext context) {
      boolean valid = true;
      context.disableDefaultConstraintViolation();
      if (draft.timezone() != null && !draft.timezone().isBlank() && !isZone(draft.timezone())) {
        report(
            context,
            "timezone",
            "Choose a time zone from the list (an IANA id such as Europe/London).");
        valid = false;
      }
      if (draft.startDateTime() != null
          && draft.endDateTime() != null
          && !draft.endDateTime().toInstant().isAfter(draft.startDateTime().toInstant())) {
        report(context, "endDateTime", "The end must be after the start.");
        valid = false;
      }
      return valid;
    }

    static boolean isZone(String id) {
      try {
        // Region ids only: fixed offsets like "+02:00" do not follow daylight saving rules.
        return ZoneId.of(id).getId().contains("/") || "UTC".equals(id);
      } catch (DateTimeException e) {
        return false;
      }
    }

    private static void report(ConstraintValidatorContext context, String field, String message) {
      context
          .buildConstraintViolationWithTemplate(message)
          .addPropertyNode(field)
          .addConstraintViolation();
    }
  }
}
