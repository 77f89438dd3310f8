package vn.party.evaluation.portal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times on the pages, in the users' time zone (the server may run in UTC): {@code ${@time.format(x)}} in a
 * template.
 */
@Component("time")
public class PortalTime {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final ZoneId zone;

  public PortalTime(@Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public String format(Object when) {
    if (when == null) {
      return "";
    }
    if (when instanceof Date date) {
      return FORMAT.format(date.toInstant().atZone(zone));
    }
    if (when instanceof Instant instant) {
      return FORMAT.format(instant.atZone(zone));
    }
    if (when instanceof OffsetDateTime time) {
      return FORMAT.format(time.atZoneSameInstant(zone));
    }
    return FORMAT.format((TemporalAccessor) when);
  }
}
