package vn.party.notification.compose;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine names a member's task for Tasklist with the year and the member ("Tự kiểm điểm năm 2026: Nguyễn Văn
 * An"), while the notices name the year and the member themselves: without this, a title read "Việc mới: Tự kiểm
 * điểm năm 2026: Nguyễn Văn An – Nguyễn Văn An". The task's own name is what is left without that suffix.
 */
final class TaskNames {

  private TaskNames() {}

  static Map<String, String> plain(Map<String, String> params) {
    String task = params.get(Params.TASK_NAME);
    String member = params.get(Params.MEMBER_NAME);
    String year = params.get(Params.YEAR);
    if (task == null || member == null || member.isBlank()) {
      return params;
    }
    String plain = task;
    if (plain.endsWith(": " + member)) {
      plain = plain.substring(0, plain.length() - member.length() - 2);
    }
    for (String yearWord : new String[] {" năm " + year, " " + year}) {
      if (year != null && plain.endsWith(yearWord)) {
        plain = plain.substring(0, plain.length() - yearWord.length());
        break;
      }
    }
    if (plain.equals(task) || plain.isBlank()) {
      return params;
    }
    Map<String, String> copy = new HashMap<>(params);
    copy.put(Params.TASK_NAME, plain);
    return copy;
  }
}
