package vn.party.evaluation.document;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.party.evaluation.collective.CollectiveEvaluation;
import vn.party.evaluation.directory.People;
import vn.party.evaluation.document.DocumentFacts.Decided;
import vn.party.evaluation.document.DocumentFacts.Sitting;
import vn.party.evaluation.document.DocumentFacts.Unit;
import vn.party.evaluation.document.DocumentFacts.Vote;
import vn.party.evaluation.document.DocumentRegister.Letterhead;
import vn.party.evaluation.document.OfficialDocument.Block;
import vn.party.evaluation.document.OfficialDocument.Field;
import vn.party.evaluation.document.OfficialDocument.Heading;
import vn.party.evaluation.document.OfficialDocument.Signature;
import vn.party.evaluation.document.OfficialDocument.Signed;
import vn.party.evaluation.document.OfficialDocument.Table;
import vn.party.evaluation.document.OfficialDocument.Text;
import vn.party.evaluation.meeting.BranchPeople;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.record.EvaluationRecord;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.rules.Regulation;
import vn.party.evaluation.selfreview.SelfReview;
import vn.party.evaluation.web.ApiException;

/**
 * The four papers a branch and its committee sign and file, built from the record: the member's self-review (Mẫu
 * 02A/02B/10-KNĐ), the branch meeting's minutes (biên bản họp chi bộ), the committee's decision on its members'
 * levels (quyết định, numbered in the register) and the collective's self-review (Mẫu 01). Official papers are
 * Vietnamese whatever the page's language; names of people and units, never ids; numbers and dates as Vietnamese
 * writes them ({@link VietnameseFormats}).
 */
@Component
public class OfficialDocuments {

  static final String DECISION = "DECISION";
  private static final Locale VI = Locale.forLanguageTag("vi");

  private final DocumentFacts facts;
  private final DocumentRegister register;
  private final People people;
  private final BranchPeople branchPeople;
  private final MessageSource messages;
  private final ZoneId zone;
  private final String decisionNumber;

  OfficialDocuments(
      DocumentFacts facts,
      DocumentRegister register,
      People people,
      BranchPeople branchPeople,
      MessageSource messages,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone,
      @Value("${evaluation.documents.decision-number:Số %s-QĐ/ĐU}") String decisionNumber) {
    this.facts = facts;
    this.register = register;
    this.people = people;
    this.branchPeople = branchPeople;
    this.messages = messages;
    this.zone = ZoneId.of(zone);
    this.decisionNumber = decisionNumber;
  }

  /** The member's self-review as submitted, on its form (Mẫu 02A, 02B or 10-KNĐ). */
  public OfficialDocument selfReview(EvaluationRecord record, SelfReview review) {
    if (review == null) {
      throw ApiException.notFound(
          "error.document.no-self-review", record.year(), record.memberName());
    }
    Unit branch = branch(record.branchId());
    var member = facts.member(record.memberId()).orElse(null);
    List<Block> body = new ArrayList<>();
    body.add(Text.note("(" + message(formKey(review.form())) + ")"));
    body.add(new Field("Họ và tên", record.memberName()));
    body.add(new Field("Chức vụ Đảng", member == null ? null : partyPost(member)));
    body.add(new Field("Chi bộ", branch.name() + ", " + branch.organizationName()));
    body.add(
        new Field(
            "Thực hiện theo",
            regulation(
                facts
                    .campaign(record.organizationId(), record.year())
                    .map(DocumentFacts.Campaign::regulation)
                    .orElse(review.regulation()))));

    // in the form's order; the criteria (text, grade, points) in one table where the first of them
    // stands
    List<String> fields = TaskCompletionRules.fields(ProcessKeys.SELF_REVIEW);
    // the sections numbered as the member's form numbers them (Mẫu 02A/02B: I–VII; 10-KNĐ has no
    // III–V), each titled as on the form (issue 14: not "Ưu điểm" beside "III. …")
    Map<String, String> sections = sectionNumerals(review.form());
    List<List<String>> criteria = new ArrayList<>();
    int criteriaAt = -1;
    Map<String, Object> content = review.content();
    for (String field : fields) {
      if (field.endsWith("Grade")
          || field.endsWith("Points")
          || "selfProposedLevel".equals(field)) {
        continue;
      }
      Object value = content.get(field);
      boolean criterion = fields.contains(field + "Grade") || fields.contains(field + "Points");
      if (criterion) {
        if (value != null
            || content.get(field + "Grade") != null
            || content.get(field + "Points") != null) {
          criteriaAt = criteriaAt < 0 ? body.size() : criteriaAt;
          criteria.add(
              List.of(
                  String.valueOf(criteria.size() + 1),
                  label(field).replaceFirst("^[IVX]+\\.\\s*", ""),
                  text(value),
                  gradeOf(content.get(field + "Grade")),
                  pointsOf(content.get(field + "Points"))));
        }
      } else if (value instanceof Boolean flag) {
        body.add(new Field(label(field), flag ? "Có" : "Không"));
      } else if (value instanceof Number number) {
        body.add(new Field(label(field), pointsOf(number).replaceFirst(",0$", "")));
      } else if (SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL.equals(field)) {
        continue; // in section VII, after the level as a party member
      } else if (sections.containsKey(field)) {
        // every section of the member's form with its number, "Không có." when the member wrote
        // nothing (outsider of session 14, finding 13: the empty IV and V were dropped, I–III, VI,
        // VII left)
        body.add(new Heading(sections.get(field) + ". " + message("self-review.section." + field)));
        body.add(
            Text.of(value == null || String.valueOf(value).isBlank() ? "Không có." : text(value)));
      } else if (value != null && !String.valueOf(value).isBlank()) {
        body.add(new Heading(label(field)));
        body.add(Text.of(text(value)));
      }
    }
    if (!criteria.isEmpty()) {
      body.add(
          criteriaAt,
          new Table(
              new float[] {0.8f, 3, 5, 1.6f, 1.3f},
              List.of("STT", "Tiêu chí", "Tự nhận xét", "Cấp độ tự xếp", "Điểm tự chấm"),
              criteria));
      body.add(criteriaAt, new Heading("Tự đánh giá theo từng tiêu chí"));
    }
    if (review.totalPoints() != null) {
      body.add(
          new Field(
              "Tổng điểm tự chấm",
              VietnameseFormats.points(review.totalPoints())
                  + "/100"
                  + (review.generalPoints() == null
                      ? ""
                      : " (tiêu chí chung: "
                          + VietnameseFormats.points(review.generalPoints())
                          + "; kết quả thực hiện nhiệm vụ: "
                          + VietnameseFormats.points(review.taskPoints())
                          + ")")));
    }
    if (review.derivedLevel() != null) {
      body.add(new Field("Mức xếp loại theo kết quả tự chấm", level(review.derivedLevel())));
    }
    body.add(
        new Heading(
            sections.get("selfProposedLevel")
                + ". "
                + message("self-review.section.selfProposedLevel")));
    // the level from its one place, the record (the kept review holds the same, signed)
    body.add(new Field("Là đảng viên", level(record.selfProposedLevel())));
    Object civilService = content.get(SelfReviewRules.CIVIL_SERVICE_SELF_PROPOSED_LEVEL);
    if (civilService != null && !String.valueOf(civilService).isBlank()) {
      body.add(new Field("Là cán bộ, công chức, viên chức", level(text(civilService))));
    }
    LocalDate day = VietnameseFormats.day(review.submittedAt(), zone);
    return new OfficialDocument(
        "ban-tu-kiem-diem-" + slug(record.memberName()) + "-" + record.year(),
        VietnameseFormats.upper(branch.organizationName()),
        VietnameseFormats.upper(branch.name()),
        null,
        placeAndDate(branch.organizationId(), day),
        "BẢN KIỂM ĐIỂM CÁ NHÂN",
        "Năm " + record.year(),
        false,
        body,
        List.of(
            new Signature(
                List.of("NGƯỜI TỰ KIỂM ĐIỂM"), "(Ký, ghi rõ họ tên)", record.memberName())),
        List.of());
  }

  /** The numerals of the sections outside the criteria, in the member's form's order. */
  private static Map<String, String> sectionNumerals(String form) {
    boolean probationary = "10-KNĐ".equals(form);
    String[] numerals = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
    Map<String, String> numbered = new LinkedHashMap<>();
    for (String section :
        List.of(
            "strengths",
            "limitations",
            SelfReviewRules.SHORTCOMINGS_FIXED,
            SelfReviewRules.REVIEW_ISSUES_ANSWERS,
            SelfReviewRules.COLLECTIVE_RESPONSIBILITY,
            "remedialMeasures",
            "selfProposedLevel")) {
      if (!(probationary && SelfReviewRules.OFFICIAL_ONLY_FIELDS.contains(section))) {
        numbered.put(section, numerals[numbered.size()]);
      }
    }
    return numbered;
  }

  /** The minutes of the branch's review meetings of the year: attendance, each member's tally and proposal. */
  public OfficialDocument minutes(String branchId, int year) {
    Unit branch = branch(branchId);
    List<Sitting> sittings = facts.sittings(branchId, year);
    if (sittings.isEmpty()) {
      throw ApiException.notFound("error.document.no-meeting", branch.name(), year);
    }
    String regulation =
        facts
            .campaign(branch.organizationId(), year)
            .map(c -> regulation(c.regulation()))
            .orElse(null);
    List<BranchPeople.Person> members = branchPeople.of(branchId);
    List<Block> body = new ArrayList<>();
    Map<Level, Integer> proposed = new EnumMap<>(Level.class);
    int sittingNumber = 0;
    for (Sitting sitting : sittings) {
      sittingNumber++;
      if (sittings.size() > 1) {
        body.add(new Heading("Phiên họp thứ " + sittingNumber));
      }
      body.add(
          Text.of(
              "Hôm nay, "
                  + VietnameseFormats.dateInWords(sitting.heldOn())
                  + ", tại "
                  + sitting.place()
                  + ", "
                  + branch.name()
                  + " họp kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm "
                  + year
                  + (regulation == null ? "." : " theo " + regulation + ".")));
      body.add(new Heading("I. Thành phần"));
      body.add(
          new Field(
              "Tổng số đảng viên chính thức của chi bộ",
              String.valueOf(sitting.officialMembers())));
      body.add(
          new Field(
              "Số đảng viên được miễn công tác và sinh hoạt đảng",
              String.valueOf(sitting.exemptedMembers())));
      body.add(
          new Field("Số đảng viên có mặt", sitting.present() + "/" + sitting.officialMembers()));
      body.add(
          new Field(
              "Vắng mặt",
              sitting.absentNames() == null || sitting.absentNames().isBlank()
                  ? "Không"
                  : sitting.absentNames()));
      Chair chair = chair(sitting, members);
      body.add(
          new Field(
              "Chủ trì",
              chair.name() == null
                  ? null
                  : "đồng chí " + chair.name() + (chair.secretary() ? ", Bí thư chi bộ" : "")));
      body.add(new Field("Thư ký", "đồng chí " + clerk(sitting)));
      body.add(new Heading("II. Nội dung"));
      body.add(
          Text.of(
              "Từng đảng viên trình bày bản tự kiểm điểm; chi bộ góp ý, phê bình, đánh giá và biểu quyết "
                  + "đề xuất mức xếp loại chất lượng đối với từng đồng chí."));
      List<Vote> votes = facts.votes(sitting.id());
      List<List<String>> rows = new ArrayList<>();
      int n = 0;
      for (Vote vote : votes) {
        rows.add(
            List.of(
                String.valueOf(++n),
                vote.memberName(),
                String.valueOf(vote.excellent()),
                String.valueOf(vote.good()),
                String.valueOf(vote.completed()),
                String.valueOf(vote.notCompleted()),
                level(vote.proposedLevel())));
        proposed.merge(Level.valueOf(vote.proposedLevel()), 1, Integer::sum);
      }
      body.add(new Heading("III. Kết quả biểu quyết (số phiếu)"));
      body.add(
          new Table(
              new float[] {0.8f, 3.2f, 1.3f, 1.3f, 1.3f, 1.3f, 3},
              List.of(
                  "STT",
                  "Họ và tên",
                  "Hoàn thành xuất sắc",
                  "Hoàn thành tốt",
                  "Hoàn thành",
                  "Không hoàn thành",
                  "Chi bộ đề xuất"),
              rows));
      List<Vote> criticised =
          votes.stream().filter(v -> v.criticism() != null && !v.criticism().isBlank()).toList();
      if (!criticised.isEmpty()) {
        body.add(new Heading("IV. Ý kiến góp ý, phê bình"));
        for (Vote vote : criticised) {
          body.add(Text.of("Đối với đồng chí " + vote.memberName() + ": " + vote.criticism()));
        }
      }
      if (sittingNumber < sittings.size()) {
        // each sitting signed by its own chair and clerk; the last signs at the end, after the
        // summary (fourteenth session's outsider, MEDIUM 6)
        body.add(
            Text.of(
                "Biên bản phiên họp thứ "
                    + sittingNumber
                    + " đã được thông qua trước chi bộ và được các đồng chí dự họp nhất trí."));
        body.add(new Signed(sittingSignatures(sitting, members)));
      }
    }
    int total = proposed.values().stream().mapToInt(Integer::intValue).sum();
    body.add(new Heading("Tổng hợp đề xuất của chi bộ"));
    for (Level level : Level.values()) {
      int count = proposed.getOrDefault(level, 0);
      body.add(
          new Field(
              level(level.name()),
              count
                  + " đồng chí"
                  + (total == 0
                      ? ""
                      : " (" + VietnameseFormats.percent(100.0 * count / total) + ")")));
    }
    body.add(
        Text.of("Biên bản đã được thông qua trước chi bộ và được các đồng chí dự họp nhất trí."));
    Sitting last = sittings.get(sittings.size() - 1);
    return new OfficialDocument(
        "bien-ban-hop-chi-bo-" + slug(branch.name()) + "-" + year,
        VietnameseFormats.upper(branch.organizationName()),
        VietnameseFormats.upper(branch.name()),
        null,
        placeAndDate(branch.organizationId(), last.heldOn()),
        "BIÊN BẢN HỌP CHI BỘ",
        "Kiểm điểm, đánh giá, xếp loại chất lượng đảng viên năm " + year,
        false,
        body,
        sittingSignatures(last, members),
        List.of());
  }

  /** The clerk's and the chair's signature blocks of one sitting. */
  private List<Signature> sittingSignatures(Sitting sitting, List<BranchPeople.Person> members) {
    Chair chair = chair(sitting, members);
    return List.of(
        new Signature(List.of("THƯ KÝ"), "(Ký, ghi rõ họ tên)", clerk(sitting)),
        new Signature(
            List.of("T/M CHI BỘ", chair.secretary() || chair.name() == null ? "BÍ THƯ" : "CHỦ TRÌ"),
            "(Ký, ghi rõ họ tên)",
            chair.name()));
  }

  private record Chair(String name, boolean secretary) {}

  /**
   * Who chaired the sitting: as recorded; for a meeting recorded before the chair was asked, the branch's secretary
   * unless the attendance lists them as absent (then a dotted line to fill in).
   */
  private static Chair chair(Sitting sitting, List<BranchPeople.Person> members) {
    if (sitting.chairName() != null) {
      return new Chair(sitting.chairName(), sitting.chairIsSecretary());
    }
    return members.stream()
        .filter(BranchPeople.Person::secretary)
        .filter(p -> !BranchPeople.listedAbsent(sitting.absentNames(), p, members))
        .findFirst()
        .map(p -> new Chair(p.name(), true))
        .orElse(new Chair(null, false));
  }

  /** Who took the minutes: the member's name, else the directory's. */
  private String clerk(Sitting sitting) {
    return sitting.clerkName() != null
        ? sitting.clerkName()
        : people.displayName(sitting.recordedBy());
  }

  /**
   * The committee's decision on its members' levels: a draft until the results are finalized, then numbered from the
   * register (the same number each time).
   */
  public OfficialDocument decision(String organizationId, int year, String by) {
    Unit organization =
        facts
            .organization(organizationId)
            .orElseThrow(
                () -> ApiException.notFound("error.document.no-organization", organizationId));
    var campaign =
        facts
            .campaign(organizationId, year)
            .orElseThrow(
                () ->
                    ApiException.notFound("error.document.no-campaign", organization.name(), year));
    List<Decided> decided = facts.decided(organizationId, year);
    boolean finalized = campaign.finalizedAt() != null;
    // numbers below 10 with a zero, as the guidance writes them; a draft leaves the number to be
    // written in
    String number =
        String.format(
            decisionNumber,
            finalized
                ? String.format(
                    "%02d", register.issue(organizationId, year, DECISION, "members", by))
                : "      ");
    LocalDate day =
        finalized ? VietnameseFormats.day(campaign.finalizedAt(), zone) : LocalDate.now(zone);
    String committee = committeeName(organization.name());
    List<Block> body = new ArrayList<>();
    body.add(Text.centeredBold("BAN CHẤP HÀNH " + VietnameseFormats.upper(organization.name())));
    body.add(Text.of("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"));
    body.add(Text.of("- Căn cứ " + regulation(campaign.regulation()) + ";"));
    body.add(
        Text.of(
            "- Xét đề nghị của các chi bộ trực thuộc và kết quả kiểm điểm, đánh giá, xếp loại chất lượng "
                + "đảng viên năm "
                + year
                + ","));
    body.add(Text.centeredBold("QUYẾT ĐỊNH:"));
    body.add(
        Text.of(
            "Điều 1. Công nhận kết quả xếp loại chất lượng năm "
                + year
                + " đối với "
                + decided.size()
                + " đồng chí đảng viên của "
                + organization.name()
                + " như sau:"));
    int item = 0;
    for (Level level : Level.values()) {
      List<Decided> atLevel = decided.stream().filter(d -> level.name().equals(d.level())).toList();
      item++;
      body.add(
          new Heading(
              item
                  + ". "
                  + level(level.name())
                  + ": "
                  + atLevel.size()
                  + " đồng chí"
                  + (decided.isEmpty()
                      ? ""
                      : " ("
                          + VietnameseFormats.percent(100.0 * atLevel.size() / decided.size())
                          + ")")));
      if (!atLevel.isEmpty()) {
        List<List<String>> rows = new ArrayList<>();
        for (Decided d : atLevel) {
          rows.add(List.of(String.valueOf(rows.size() + 1), d.memberName(), d.branchName()));
        }
        body.add(new Table(new float[] {0.8f, 4, 4}, List.of("STT", "Họ và tên", "Chi bộ"), rows));
      }
    }
    body.add(
        Text.of(
            "Điều 2. Các chi bộ trực thuộc và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành. "
                + "Quyết định có hiệu lực kể từ ngày ký."));
    Letterhead letterhead = register.letterhead(organizationId);
    List<String> recipients = new ArrayList<>();
    recipients.add(
        (letterhead.superiorName() == null
                ? "Cấp ủy cấp trên"
                : "Ban Thường vụ " + letterhead.superiorName())
            + " (để báo cáo),");
    recipients.add("Các chi bộ trực thuộc,");
    recipients.add("Như Điều 2,");
    recipients.add("Lưu Văn phòng " + committee + ".");
    return new OfficialDocument(
        "quyet-dinh-xep-loai-dang-vien-" + year,
        upperOrNull(letterhead.superiorName()),
        VietnameseFormats.upper(committee),
        number,
        placeAndDate(organizationId, day),
        "QUYẾT ĐỊNH",
        "Về việc công nhận kết quả xếp loại chất lượng đảng viên năm " + year,
        !finalized,
        body,
        List.of(
            new Signature(
                List.of("T/M ĐẢNG ỦY", "BÍ THƯ"),
                null,
                facts.organizationSecretary(organizationId).orElse(null))),
        recipients);
  }

  /** A collective's self-review (Mẫu 01), with the committee's decision once taken. */
  public OfficialDocument collective(CollectiveEvaluation c) {
    if (c.selfReviewedAt() == null) {
      throw ApiException.notFound("error.document.no-collective-review", c.name(), c.year());
    }
    boolean branchKind = "BRANCH".equals(c.kind());
    String superior;
    String issuing;
    String signer;
    List<String> capacity;
    if (branchKind) {
      Unit branch = branch(c.collectiveId());
      superior = VietnameseFormats.upper(branch.organizationName());
      issuing = VietnameseFormats.upper(branch.name());
      signer = facts.branchSecretary(c.collectiveId()).orElse(null);
      capacity = List.of("T/M CHI BỘ", "BÍ THƯ");
    } else {
      Unit organization = facts.organization(c.organizationId()).orElseThrow();
      superior = upperOrNull(register.letterhead(c.organizationId()).superiorName());
      issuing = VietnameseFormats.upper(committeeName(organization.name()));
      signer = facts.organizationSecretary(c.organizationId()).orElse(null);
      capacity = List.of("T/M ĐẢNG ỦY", "BÍ THƯ");
    }
    List<Block> body = new ArrayList<>();
    body.add(Text.note("(Mẫu 01 — Báo cáo kiểm điểm của tập thể)"));
    body.add(new Heading("I. Ưu điểm, kết quả thực hiện nhiệm vụ"));
    body.add(Text.of(text(c.strengths())));
    if (c.allTasksDone() != null) {
      body.add(
          new Field("Hoàn thành tất cả các nhiệm vụ được giao", c.allTasksDone() ? "Có" : "Không"));
    }
    if (c.lateTasksPercent() != null) {
      body.add(
          new Field(
              "Tỷ lệ nhiệm vụ hoàn thành chậm tiến độ",
              VietnameseFormats.percent(c.lateTasksPercent())));
    }
    body.add(new Heading("II. Hạn chế, khuyết điểm và nguyên nhân"));
    body.add(Text.of(text(c.limitations())));
    body.add(new Heading("III. Phương hướng, biện pháp khắc phục"));
    body.add(Text.of(text(c.remedialMeasures())));
    body.add(new Heading("IV. Tự nhận mức xếp loại chất lượng"));
    body.add(Text.of(level(c.selfProposedLevel())));
    if (c.decidedLevel() != null) {
      body.add(new Heading("V. Cấp ủy cấp trên xếp loại"));
      body.add(
          Text.of(
              level(c.decidedLevel())
                  + (c.decisionComment() == null || c.decisionComment().isBlank()
                      ? ""
                      : " — " + c.decisionComment())
                  + " ("
                  + VietnameseFormats.momentInWords(c.decidedAt(), zone)
                  + ")"));
    }
    return new OfficialDocument(
        "bao-cao-kiem-diem-tap-the-" + slug(c.name()) + "-" + c.year(),
        superior,
        issuing,
        null,
        placeAndDate(c.organizationId(), VietnameseFormats.day(c.selfReviewedAt(), zone)),
        "BÁO CÁO KIỂM ĐIỂM TẬP THỂ",
        VietnameseFormats.upper(c.name().substring(0, 1))
            + c.name().substring(1)
            + " năm "
            + c.year(),
        false,
        body,
        List.of(new Signature(capacity, "(Ký, ghi rõ họ tên)", signer)),
        List.of());
  }

  /**
   * The header lines of a paper a branch issues on {@code day} (the member's record, the branch's report): the
   * organization above it, the branch, and the organization's place with the date in words.
   */
  public PartyHeader branchHeader(String branchId, LocalDate day) {
    Unit branch = branch(branchId);
    return new PartyHeader(
        VietnameseFormats.upper(branch.organizationName()),
        VietnameseFormats.upper(branch.name()),
        null,
        placeAndDate(branch.organizationId(), day));
  }

  /**
   * The header lines of a paper the grassroots committee issues on {@code day} (the organization's report): the
   * superior unit of its letterhead, the committee, its place and the date in words.
   */
  public PartyHeader organizationHeader(String organizationId, LocalDate day) {
    Unit organization =
        facts
            .organization(organizationId)
            .orElseThrow(
                () -> ApiException.notFound("error.document.no-organization", organizationId));
    return new PartyHeader(
        upperOrNull(register.letterhead(organizationId).superiorName()),
        VietnameseFormats.upper(committeeName(organization.name())),
        null,
        placeAndDate(organizationId, day));
  }

  /** Today in the users' time zone: the date of a paper printed now. */
  public LocalDate today() {
    return LocalDate.now(zone);
  }

  private Unit branch(String branchId) {
    return facts
        .branch(branchId)
        .orElseThrow(() -> ApiException.notFound("error.document.no-branch", branchId));
  }

  private String placeAndDate(String organizationId, LocalDate day) {
    return VietnameseFormats.placeAndDate(register.letterhead(organizationId).place(), day);
  }

  /** "Đảng bộ phường Thanh Khê Tây" is led by "Đảng ủy phường Thanh Khê Tây", which signs its decisions. */
  static String committeeName(String organizationName) {
    return organizationName.startsWith("Đảng bộ")
        ? "Đảng ủy" + organizationName.substring("Đảng bộ".length())
        : "Đảng ủy " + organizationName;
  }

  private static String partyPost(DocumentFacts.Person member) {
    if ("ORGANIZATION".equals(member.headOf())) {
      return "Bí thư Đảng ủy";
    }
    if ("BRANCH".equals(member.headOf())) {
      return "Bí thư chi bộ";
    }
    if ("ORGANIZATION_COMMITTEE".equals(member.leadership())) {
      return "Đảng ủy viên";
    }
    if ("BRANCH_COMMITTEE".equals(member.leadership())) {
      return "Chi ủy viên";
    }
    return "PROBATIONARY".equals(member.membership()) ? "Đảng viên dự bị" : "Đảng viên";
  }

  private static String regulation(String code) {
    try {
      return Regulation.fromCode(code).title();
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return code;
    }
  }

  private static String formKey(String form) {
    return "self-review.form.F" + (form == null ? "02A" : form.replace("-KNĐ", "_KND"));
  }

  private String label(String field) {
    return message("field." + field);
  }

  private String level(String level) {
    return level == null ? "" : message("level." + level);
  }

  private String gradeOf(Object grade) {
    return grade == null ? "" : message("grade." + grade);
  }

  private static String pointsOf(Object points) {
    if (points == null || String.valueOf(points).isBlank()) {
      return "";
    }
    try {
      return VietnameseFormats.points(new BigDecimal(String.valueOf(points)));
    } catch (NumberFormatException notANumber) {
      return String.valueOf(points);
    }
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, VI);
  }

  private static String upperOrNull(String text) {
    return text == null ? null : VietnameseFormats.upper(text);
  }

  /** A file name in ASCII: "Chi bộ Khu dân cư số 1" → "chi-bo-khu-dan-cu-so-1". */
  public static String slug(String text) {
    String ascii =
        Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
