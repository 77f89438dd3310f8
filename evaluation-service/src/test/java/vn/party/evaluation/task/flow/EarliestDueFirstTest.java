package vn.party.evaluation.task.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.task.flow.TaskEngine.EngineTask;

/** The work list is read as two queries (one's own tasks, the groups' tasks) and shown as one list. */
class EarliestDueFirstTest {

  @Test
  void aTaskInBothListsIsShownOnceAndTheListIsEarliestDueFirst() {
    EngineTask own = task("own", 30);
    EngineTask claimedFromGroup = task("claimed", 10);
    EngineTask offered = task("offered", 20);

    List<EngineTask> list =
        TaskEngine.earliestDueFirst(
            List.of(claimedFromGroup, own), List.of(claimedFromGroup, offered), 10);

    assertThat(list).extracting(EngineTask::id).containsExactly("claimed", "offered", "own");
  }

  @Test
  void tasksWithoutADueDateComeLastAsTheEngineSortsThem() {
    List<EngineTask> list =
        TaskEngine.earliestDueFirst(
            List.of(task("undated", null), task("late", 50)), List.of(task("early", 5)), 10);

    assertThat(list).extracting(EngineTask::id).containsExactly("early", "late", "undated");
  }

  @Test
  void theListHoldsAtMostTheMaximumOfTheEarliest() {
    List<EngineTask> list =
        TaskEngine.earliestDueFirst(
            List.of(task("a", 1), task("c", 3)), List.of(task("b", 2), task("d", 4)), 3);

    assertThat(list).extracting(EngineTask::id).containsExactly("a", "b", "c");
  }

  @Test
  void tasksDueTheSameDayKeepOneOrderTheOldestFirstThenById() {
    EngineTask newer =
        new EngineTask("a", "branch-review", "a", null, new Date(2000), day(7), "p-a");
    EngineTask older =
        new EngineTask("z", "branch-review", "z", null, new Date(1000), day(7), "p-z");
    EngineTask olderSameTime =
        new EngineTask("y", "branch-review", "y", null, new Date(1000), day(7), "p-y");

    assertThat(TaskEngine.earliestDueFirst(List.of(newer, older), List.of(olderSameTime), 10))
        .extracting(EngineTask::id)
        .containsExactly("y", "z", "a");
    assertThat(TaskEngine.earliestDueFirst(List.of(olderSameTime), List.of(older, newer), 10))
        .extracting(EngineTask::id)
        .containsExactly("y", "z", "a");
  }

  private static Date day(int day) {
    return new Date(day * 86_400_000L);
  }

  private static EngineTask task(String id, Integer dueDay) {
    Date due = dueDay == null ? null : new Date(dueDay * 86_400_000L);
    return new EngineTask(id, "self-review", id, null, new Date(0), due, "p-" + id);
  }
}
