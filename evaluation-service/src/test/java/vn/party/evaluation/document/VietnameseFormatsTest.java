package vn.party.evaluation.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Numbers and dates as the party's documents write them. */
class VietnameseFormatsTest {

  @Test
  void numbersTakeADecimalCommaAndADotBetweenThousands() {
    assertThat(VietnameseFormats.points(new BigDecimal("20"))).isEqualTo("20,0");
    assertThat(VietnameseFormats.points(new BigDecimal("92.25"))).isEqualTo("92,3");
    assertThat(VietnameseFormats.points(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
    assertThat(VietnameseFormats.percent(100.0 * 14 / 15)).isEqualTo("93,3%");
  }

  @Test
  void datesInWordsPutAZeroBeforeDaysBelowTenAndMonthsOneAndTwo() {
    assertThat(VietnameseFormats.dateInWords(LocalDate.of(2026, 12, 6)))
        .isEqualTo("ngày 06 tháng 12 năm 2026");
    assertThat(VietnameseFormats.dateInWords(LocalDate.of(2027, 2, 15)))
        .isEqualTo("ngày 15 tháng 02 năm 2027");
    assertThat(VietnameseFormats.dateInWords(LocalDate.of(2027, 3, 1)))
        .isEqualTo("ngày 01 tháng 3 năm 2027");
    assertThat(VietnameseFormats.placeAndDate("Thanh Khê", LocalDate.of(2026, 12, 6)))
        .isEqualTo("Thanh Khê, ngày 06 tháng 12 năm 2026");
    assertThat(VietnameseFormats.placeAndDate(null, LocalDate.of(2026, 12, 6))).startsWith("……");
  }

  @Test
  void aMomentIsToldInLocalTime() {
    // 17:30 UTC on 31 December is 00:30 on 1 January in Hanoi
    assertThat(
            VietnameseFormats.momentInWords(
                OffsetDateTime.parse("2026-12-31T17:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")))
        .isEqualTo("0 giờ 30, ngày 01 tháng 01 năm 2027");
  }

  @Test
  void theCommitteeOfAnOrganizationSignsItsDecisions() {
    assertThat(OfficialDocuments.committeeName("Đảng bộ phường Thanh Khê Tây"))
        .isEqualTo("Đảng ủy phường Thanh Khê Tây");
    assertThat(OfficialDocuments.slug("Chi bộ Khu dân cư số 1"))
        .isEqualTo("chi-bo-khu-dan-cu-so-1");
  }
}
