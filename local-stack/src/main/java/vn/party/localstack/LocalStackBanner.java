package vn.party.localstack;

import java.nio.file.Path;
import java.util.List;

/** The launcher's "ready" banner: every URL and the demo logins, Vietnamese first, then English. */
record LocalStackBanner(
    int evaluationPort,
    int notificationPort,
    int mailboxPort,
    String kafka,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    int smtpPort,
    int imapPort,
    boolean demo,
    Path logDir) {

  private static final String RULE = "=".repeat(78);

  /** One line of the table: its label and value in each language. */
  private record Line(String vi, String en, String viValue, String enValue) {
    Line(String vi, String en, String value) {
      this(vi, en, value, value);
    }
  }

  private static final String DEMO_VI =
      """

        Tài khoản thử nghiệm (mật khẩu: demo, trừ admin/admin):
          admin / admin                 quản trị hệ thống (Camunda Admin)
          member1 … member15            đảng viên (1–5 chi bộ cb1, 6–10 cb2, 11–15 cb3)
          member1, member6, member11    bí thư chi bộ cb1 … cb3; member2 bí thư đảng ủy
                                        (được xếp loại sau tập thể mình đứng đầu)
          secretary1 … secretary3       chi ủy chi bộ thanh-khe-tay-cb1 … cb3
          committee                     Đảng ủy cơ sở (Đảng bộ phường Thanh Khê Tây)
          auditor                       Ủy ban kiểm tra
          district                      Ban Thường vụ cấp ủy quận cấp trên của thanh-khe-tay
                                        (xếp loại tổ chức, phúc tra khi có khiếu nại)
          thư điện tử: {tài khoản}@thanhkhetay.example.vn
      """;

  private static final String DEMO_EN =
      """

        Demo logins (password: demo, except admin/admin):
          admin / admin                 administrator (Camunda Admin)
          member1 … member15            party members (1–5 branch cb1, 6–10 cb2, 11–15 cb3)
          member1, member6, member11    secretaries of cb1 … cb3; member2 secretary of the organization
                                        (rated after the unit they head)
          secretary1 … secretary3       branch committees thanh-khe-tay-cb1 … cb3
          committee                     grassroots party committee (thanh-khe-tay)
          auditor                       inspection committee
          district                      standing committee of the district above thanh-khe-tay
                                        (rates the organization, re-appraises after a complaint)
          e-mail: {userId}@thanhkhetay.example.vn
      """;

  String text() {
    String e = "http://localhost:" + evaluationPort;
    String topics = String.join(", ", LocalInfrastructure.TOPICS);
    List<Line> lines =
        List.of(
            new Line(
                "Camunda Tasklist (việc cần làm)",
                "Camunda Tasklist",
                e + "/camunda/app/tasklist/"),
            new Line("Camunda Cockpit (theo dõi)", "Camunda Cockpit", e + "/camunda/app/cockpit/"),
            new Line(
                "Camunda Admin (người dùng, nhóm)", "Camunda Admin", e + "/camunda/app/admin/"),
            new Line("REST của engine", "Engine REST", e + "/engine-rest"),
            new Line("API nghiệp vụ", "Domain API", e + "/api/v1"),
            new Line(
                "Tài liệu API (OpenAPI)",
                "OpenAPI",
                e + "/v3/api-docs  ·  " + e + "/swagger-ui.html"),
            new Line(
                "Thông báo",
                "Notifications",
                "http://localhost:" + notificationPort + "/api/v1/notifications"),
            new Line("Hộp thư thử nghiệm", "Test mailbox", "http://localhost:" + mailboxPort),
            new Line(
                "Kafka",
                "Kafka bootstrap",
                kafka + "  (chủ đề: " + topics + ")",
                kafka + "  (topics: " + topics + ")"),
            new Line(
                "PostgreSQL",
                "PostgreSQL",
                jdbcUrl + "  (người dùng " + dbUser + " / mật khẩu " + dbPassword + ")",
                jdbcUrl + "  (user " + dbUser + " / password " + dbPassword + ")"),
            new Line(
                "SMTP / IMAP", "SMTP / IMAP", "localhost:" + smtpPort + " / localhost:" + imapPort),
            new Line("Nhật ký (log) các dịch vụ", "Service logs", String.valueOf(logDir)));
    StringBuilder b = new StringBuilder("\n");
    b.append(RULE).append("\n  HỆ THỐNG KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN — ĐÃ SẴN SÀNG\n");
    b.append(RULE).append('\n');
    lines.forEach(l -> line(b, 32, l.vi(), l.viValue()));
    b.append(
        demo
            ? DEMO_VI
            : "\n  Không nạp dữ liệu mẫu (--no-demo): chỉ có tài khoản admin / admin.\n");
    b.append("  Nhấn Ctrl-C để dừng tất cả.\n");
    b.append(RULE).append("\n  PARTY MEMBER EVALUATION — READY\n");
    b.append(RULE).append('\n');
    lines.forEach(l -> line(b, 21, l.en(), l.enValue()));
    b.append(demo ? DEMO_EN : "\n  No demo data (--no-demo): only admin / admin.\n");
    b.append("  Press Ctrl-C to stop everything.\n");
    return b.append(RULE).append('\n').toString();
  }

  private static void line(StringBuilder b, int width, String label, String value) {
    b.append("  ").append(String.format("%-" + width + "s", label)).append(": ");
    b.append(value).append('\n');
  }
}
