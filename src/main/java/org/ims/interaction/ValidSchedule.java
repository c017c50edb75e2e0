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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The rules that involve more than one field or the time-zone database: the time zone is a known
 * IANA id; start and end lie in {@link #EARLIEST}..{@link #LATEST}; the end comes after the start
 * and at most {@link #LONGEST} later. Each problem is reported on its own field.
 *
 * <p>The bounds are what an interaction can sensibly be, and they keep every search's date
 * arithmetic far inside what the database can represent.
 */
@Constraint(validatedBy = ValidSchedule.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ValidSchedule {

  String message() default "The schedule is not valid.";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  Instant LATEST = Instant.parse("2999-12-31T23:59:59.999999Z");
  Duration LONGEST = Duration.ofDays(366);

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
      Instant start = draft.startDateTime() == null ? null : draft.startDateTime().toInstant();
      Instant end = draft.endDateTime() == null ? null : draft.endDateTime().toInstant();
      valid &= inRange(context, "startDateTime", start);
      valid &= inRange(context, "endDateTime", end);
      if (start != null && end != null && !end.isAfter(start)) {
        report(context, "endDateTime", "The end must be after the start.");
        valid = false;
      } else if (start != null
          && end != null
          && Duration.between(start, end).compareTo(LONGEST) > 0) {
        report(context, "endDateTime", "An interaction lasts at most 366 days.");
        valid = false;
      }
      return valid;
    }

    private static boolean inRange(ConstraintValidatorContext context, String field, Instant time) {
      if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
        report(context, field, "Use a date from the year 1900 to 2999.");
        return false;
      }
      return true;
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
