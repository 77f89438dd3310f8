package vn.party.evaluation.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param complaintWindow how long after the announcement complaints are received ({@code
 *     evaluation.rules.complaint-window}, ISO-8601). Default {@code P15D}: a <em>local choice</em>; the regulation as
 *     summarised in our notes fixes no length, so set it per deployment to what the committee announces.
 */
@ConfigurationProperties("evaluation.rules")
public record ComplaintWindowProperties(Duration complaintWindow) {

  public static final Duration DEFAULT_COMPLAINT_WINDOW = Duration.ofDays(15);

  public ComplaintWindowProperties {
    if (complaintWindow == null) {
      complaintWindow = DEFAULT_COMPLAINT_WINDOW;
    }
    if (complaintWindow.isNegative() || complaintWindow.isZero()) {
      throw new IllegalArgumentException(
          "evaluation.rules.complaint-window must be positive, was " + complaintWindow);
    }
  }
}
