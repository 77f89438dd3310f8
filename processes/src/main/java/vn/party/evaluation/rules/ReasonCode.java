package vn.party.evaluation.rules;

import java.util.Optional;
import vn.party.evaluation.rules.Names.Named;

/**
 * Why a rule applied: the {@code reasonCode} outputs of the eligibility and caps decisions. Each
 * with the Vietnamese label shown to users and an English one for logs and developers.
 */
public enum ReasonCode implements Named {
  // --- member-eligibility
  EXEMPTED("Được miễn công tác và sinh hoạt đảng", "Exempted from work and party activities"),
  SUSPENDED("Bị đình chỉ sinh hoạt đảng", "Suspended from party activities"),
  ADMITTED_UNDER_6_MONTHS(
      "Mới kết nạp chưa đủ 6 tháng", "Admitted less than 6 months before the end of the year"),
  PROBATIONARY_MEMBER(
      "Đảng viên dự bị (mẫu kiểm điểm riêng)", "Probationary member (own review form)"),
  OFFICIAL_MEMBER("Đảng viên chính thức", "Official member"),
  // --- organization-eligibility
  ORGANIZATION_UNDER_6_MONTHS(
      "Tổ chức đảng mới thành lập chưa đủ 6 tháng", "Organization set up less than 6 months ago"),
  ORGANIZATION_RATED("Tổ chức đảng thuộc diện xếp loại", "Organization is rated"),
  // --- movements during the year (issue 13): a running evaluation ended, the member not rated
  // there
  LEFT_THE_PARTY("Ra khỏi Đảng trong năm", "Left the Party during the year"),
  DECEASED("Từ trần trong năm", "Died during the year"),
  TRANSFERRED_OUT(
      "Chuyển sinh hoạt đảng ra ngoài trong năm", "Transferred out of the system during the year"),
  TRANSFERRED_ELSEWHERE(
      "Chuyển sinh hoạt đảng, được đánh giá ở tổ chức đảng nơi sinh hoạt lâu hơn trong năm",
      "Transferred; evaluated by the organization where he or she spent most of the year"),
  // --- member-caps
  DISCIPLINED("Bị kỷ luật trong năm", "Disciplined in the year"),
  DEGRADATION(
      "Được kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, \"tự diễn biến\", \"tự chuyển hóa\"",
      "Concluded finding of political, ethical or lifestyle degradation"),
  FORBIDDEN_CONDUCT(
      "Được kết luận vi phạm những điều đảng viên không được làm",
      "Concluded finding of conduct forbidden to party members"),
  FAILED_TO_SET_EXAMPLE(
      "Được kết luận vi phạm trách nhiệm nêu gương",
      "Concluded failure of the duty to set an example"),
  TASKS_UNDER_50_PERCENT(
      "Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ", "Completed less than 50% of the year's tasks"),
  SICK_LEAVE_3_MONTHS("Nghỉ ốm từ 3 tháng trở lên", "Sick leave of 3 months or more"),
  CIVIL_SERVICE_LEVEL(
      "Không cao hơn mức xếp loại cán bộ, công chức, viên chức",
      "Not above the civil-service rating"),
  HEADED_UNIT_LEVEL(
      "Người đứng đầu không cao hơn mức xếp loại của tập thể do mình đứng đầu",
      "A head not above the rating of the unit he or she heads"),
  // --- collective-caps
  LEADERSHIP_DISCIPLINED_WARNING(
      "Tập thể lãnh đạo có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm",
      "A leadership member disciplined at warning or above in the year"),
  SUBORDINATE_SHORTFALL(
      "Tỷ lệ cấp dưới bị kỷ luật hoặc không hoàn thành nhiệm vụ vượt ngưỡng",
      "Share of subordinates disciplined or not completed above the threshold"),
  LEADERSHIP_OR_UNIT_DISCIPLINED(
      "Có tổ chức đảng trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật trong năm",
      "A subordinate unit or a leadership member disciplined in the year"),
  NOT_ALL_TASKS_DONE(
      "Tập thể không hoàn thành tất cả các nhiệm vụ trong năm",
      "The collective did not complete all of the year's tasks"),
  LATE_TASKS_OVER_20_PERCENT(
      "Tập thể có trên 20% nhiệm vụ hoàn thành chậm",
      "More than 20% of the collective's tasks completed late"),
  LATE_TASKS(
      "Tập thể có nhiệm vụ hoàn thành chậm (chưa đạt 100% đúng hạn)",
      "Some of the collective's tasks completed late (not 100% on time)");

  private final Names names;

  ReasonCode(String label, String englishLabel) {
    this.names = new Names(label, englishLabel);
  }

  @Override
  public Names names() {
    return names;
  }

  /** The code with this {@link #name()}, or empty. */
  public static Optional<ReasonCode> parse(String name) {
    return Names.parse(ReasonCode.class, name);
  }
}
