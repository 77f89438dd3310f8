package vn.party.evaluation.security.engine;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A person's engine command that no person may give, whatever the door (issue 12, outsider's finding 3): a
 * {@link RestException} with status 403, so the engine REST API (both path forms, the webapps' copy, Camunda Admin)
 * answers 403 with this bilingual reason; the domain API and the pages answer with {@link #messageKey()} in the
 * reader's language.
 */
public class PersonRefusedException extends RestException {

  /** Seats (the committees' engine groups) are set on the unit's page, never in the engine's identity service. */
  public static final String SEATS_KEY = "error.seats-on-unit-page";

  /** The inspection committee and the auditors read and change nothing. */
  public static final String INSPECTION_KEY = "error.inspection-changes-nothing";

  /** An evaluation moves only through its steps: nobody steers, stops or deletes a process or its history. */
  public static final String PROCESS_CONTROL_KEY = "error.process-control";

  /**
   * Comments and attachments on a task: what is said about a case goes in its step's form, checked and kept on the
   * record; a comment or an attachment no form checks (characters, length, outside links) is added by nobody.
   */
  public static final String NOTES_KEY = "error.task-notes";

  /**
   * An account the application knows (a party member, a seat holder, someone its evaluations name) is disabled through
   * the application when its holder leaves, never deleted in the engine ({@link UserDeletions}).
   */
  public static final String ACCOUNT_KEPT_KEY = "error.account-kept";

  /** {@code members}, {@code auditors}, {@code camunda-admin}: the groups the application is built on ({@link BuiltInGroups}). */
  public static final String BUILT_IN_GROUP_KEY = "error.built-in-group";

  public static final String MEMBER_EMAIL_KEY = "error.member-email";

  /** Who reads and works on the evaluations is the application's ({@link EvaluationAuthorizations}). */
  public static final String AUTHORIZATION_KEPT_KEY = "error.authorization-kept";

  private final String messageKey;

  private PersonRefusedException(String messageKey, String reason) {
    super(Response.Status.FORBIDDEN, reason);
    this.messageKey = messageKey;
  }

  /** Creating or deleting a seat group, or a membership of one, by a person. */
  public static PersonRefusedException seats(String groupId) {
    return new PersonRefusedException(
        SEATS_KEY,
        "Ghế trong cấp ủy, chi ủy, ủy ban kiểm tra được đặt trên trang của đơn vị, không sửa nhóm "
            + groupId
            + " tại đây / Committee seats are set on the unit's page; group "
            + groupId
            + " cannot be changed here");
  }

  /** Deleting an account the application knows, or one's own ({@link UserDeletions}). */
  public static PersonRefusedException accountKept(String userId) {
    return new PersonRefusedException(
        ACCOUNT_KEPT_KEY,
        "Không xóa tài khoản "
            + userId
            + ": tài khoản của đảng viên, người giữ ghế hay người đã làm việc trong quy trình được giữ lại và chỉ bị"
            + " vô hiệu hóa trong ứng dụng; không ai tự xóa tài khoản của mình / Account "
            + userId
            + " cannot be deleted: the accounts of party members, seat holders and anyone who worked in the process"
            + " are kept and only disabled in the application; nobody deletes their own account");
  }

  /** A party member's e-mail address is the roster's ({@link MemberEmails}). */
  public static PersonRefusedException memberEmail() {
    return new PersonRefusedException(
        MEMBER_EMAIL_KEY,
        "Địa chỉ thư điện tử của đảng viên là địa chỉ trong danh sách đảng viên: đổi ở đó, nơi thay đổi được ghi lại"
            + " / A party member's e-mail address is the roster's: change it there, where the change is recorded");
  }

  /** Deleting or renaming a built-in group, or a membership of one the application keeps ({@link BuiltInGroups}). */
  public static PersonRefusedException builtInGroup(String groupId) {
    return new PersonRefusedException(
        BUILT_IN_GROUP_KEY,
        "Nhóm "
            + groupId
            + " là nhóm nền của ứng dụng: không xóa, không đổi tên; đảng viên vào nhóm members qua danh sách đảng viên;"
            + " đảng viên và người giữ ghế không vào nhóm auditors; quản trị viên và người kiểm tra cuối cùng được giữ lại / Group "
            + groupId
            + " is one the application is built on: it is not deleted or renamed; party members join members through"
            + " the roster; party members and seat holders do not join auditors; the last administrator and the last auditor stay");
  }

  /** An engine authorization on the evaluations granted, changed or removed by a person ({@link EvaluationAuthorizations}). */
  public static PersonRefusedException authorizationKept() {
    return new PersonRefusedException(
        AUTHORIZATION_KEPT_KEY,
        "Quyền xem và làm việc trên các cuộc đánh giá do ứng dụng cấp: người kiểm tra vào nhóm auditors, cấp ủy ngồi"
            + " ghế trên trang của đơn vị; không cấp, sửa hay xóa quyền trên quy trình, việc, lịch sử hay bảng quyết định"
            + " tại đây / Who reads and works on the evaluations is the application's: inspectors join auditors,"
            + " committees take their seats on the unit's page; authorizations on processes, tasks, history and"
            + " decisions are not granted, changed or removed here");
  }

  /** A task command by an auditor or a member of an inspection committee only. */
  public static PersonRefusedException inspection() {
    return new PersonRefusedException(
        INSPECTION_KEY,
        "Ủy ban kiểm tra chỉ xem, không thực hiện hay quyết định việc nào / "
            + "The inspection committee reads and changes nothing: it does no task");
  }

  /** A modification, start, message, suspension or deletion of a process or its history ({@link ProcessControlCommands}). */
  public static PersonRefusedException processControl() {
    return new PersonRefusedException(
        PROCESS_CONTROL_KEY,
        "Việc đánh giá chỉ đi theo các bước của quy trình: không ai được chuyển bước, tạm dừng, xóa quy trình hay lịch sử"
            + " của nó / An evaluation moves only through its steps: nobody moves, suspends or deletes a process or"
            + " its history");
  }

  /** A comment or an attachment added to, changed on or deleted from a task of the processes by its seat holder. */
  public static PersonRefusedException notes() {
    return new PersonRefusedException(
        NOTES_KEY,
        "Ý kiến về việc này được ghi trong biểu mẫu của bước (được kiểm tra và lưu vào hồ sơ), không ghi bình luận hay"
            + " đính kèm vào việc / What is said about this task goes in its step's form (checked and kept on the"
            + " record), not in comments or attachments on the task");
  }

  public String messageKey() {
    return messageKey;
  }
}
