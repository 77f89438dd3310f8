package vn.party.evaluation.campaign;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Year;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * {@link NotAfterCurrentYear}, built by Spring's validator factory. The settings are read at each check, not once:
 * the validator factory keeps its validators for the application's life.
 */
public class NotAfterCurrentYearValidator
    implements ConstraintValidator<NotAfterCurrentYear, Integer> {

  static final String FUTURE_YEARS_ALLOWED = "evaluation.campaign.future-years-allowed";

  private static final String VIETNAM = "Asia/Ho_Chi_Minh";

  private final Environment environment;

  /** Outside Spring (a bare validator): the defaults, future years refused, in Vietnam's time. */
  public NotAfterCurrentYearValidator() {
    this(null);
  }

  @Autowired
  public NotAfterCurrentYearValidator(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean isValid(Integer year, ConstraintValidatorContext context) {
    if (year == null) {
      return true;
    }
    boolean allowed =
        CampaignCalendar.anyCalendarAllowed(environment)
            || environment != null
                && environment.getProperty(FUTURE_YEARS_ALLOWED, Boolean.class, Boolean.FALSE);
    String zone =
        environment == null ? VIETNAM : environment.getProperty("evaluation.time-zone", VIETNAM);
    return allowed || year <= Year.now(ZoneId.of(zone)).getValue();
  }
}
