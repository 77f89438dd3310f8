package vn.party.evaluation.campaign;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A campaign's year may not be after the current year in the users' time zone (a year is evaluated during or after
 * it), unless {@code evaluation.campaign.any-calendar-allowed} (the tests, the end-to-end tests and the bench open
 * campaigns for years to come) or the older {@code evaluation.campaign.future-years-allowed}. Refused as reason
 * {@code future-year}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotAfterCurrentYearValidator.class)
public @interface NotAfterCurrentYear {

  String message() default "{reason.future-year}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
