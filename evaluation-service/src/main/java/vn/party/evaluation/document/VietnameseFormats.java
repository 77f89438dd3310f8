package vn.party.evaluation.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Numbers and dates as Vietnamese writes them: a decimal comma ("20,0"), a dot between thousands, and dates in words
 * as the guidance on party documents prescribes ("ngày 06 tháng 02 năm 2026": a zero before days 1–9 and months 1
 * and 2, so the numbers cannot be changed by hand).
 */
public final class VietnameseFormats {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  private VietnameseFormats() {}

  /** One decimal, comma: 20 → "20,0", 7.25 → "7,3"; null → "". */
  public static String points(BigDecimal value) {
    if (value == null) {
      return "";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(VIETNAMESE));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** A number with one decimal, comma: 66.666 → "66,7" (a share in a table whose column says "%"). */
  public static String decimal(double value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(VIETNAMESE));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  /** A share in per cent with one decimal: 66.666 → "66,7%". */
  public static String percent(double value) {
    DecimalFormat format =
        new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(VIETNAMESE));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value) + "%";
  }

  /** "ngày 06 tháng 12 năm 2026". */
  public static String dateInWords(LocalDate date) {
    int month = date.getMonthValue();
    return "ngày "
        + String.format("%02d", date.getDayOfMonth())
        + " tháng "
        + (month <= 2 ? String.format("%02d", month) : String.valueOf(month))
        + " năm "
        + date.getYear();
  }

  /** "Thanh Khê, ngày 06 tháng 12 năm 2026"; without a place, a dotted line to write it in. */
  public static String placeAndDate(String place, LocalDate date) {
    return (place == null || place.isBlank() ? "……………" : place) + ", " + dateInWords(date);
  }

  /** A moment in words, local time: "14 giờ 05, ngày 06 tháng 12 năm 2026". */
  public static String momentInWords(OffsetDateTime when, ZoneId zone) {
    if (when == null) {
      return "";
    }
    var local = when.atZoneSameInstant(zone);
    return String.format("%d giờ %02d, ", local.getHour(), local.getMinute())
        + dateInWords(local.toLocalDate());
  }

  /** The day of a moment in the users' time zone. */
  public static LocalDate day(OffsetDateTime when, ZoneId zone) {
    return when.atZoneSameInstant(zone).toLocalDate();
  }

  /** Upper case, Vietnamese rules ("Chi bộ Khu dân cư số 1" → "CHI BỘ KHU DÂN CƯ SỐ 1"). */
  public static String upper(String text) {
    return text == null ? null : text.toUpperCase(VIETNAMESE);
  }
}
