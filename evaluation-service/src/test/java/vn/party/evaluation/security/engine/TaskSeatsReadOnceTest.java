package vn.party.evaluation.security.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: one seat check per domain API command. Inside {@link TaskSeats#readOnce} the task's seats are read once,
 * and both the application's check ({@link TaskSeats#mayWork}) and the engine's guard take that read; outside it
 * each asks anew.
 */
class TaskSeatsReadOnceTest {

  private final TaskSeats seats = new TaskSeats(null);

  @Test
  void aTasksSeatsAreReadOnceInTheScopeAndAnewOutsideIt() {
    TaskEntity task = task("task-1");

    TaskSeats.Seats first =
        seats.readOnce(
            () -> {
              TaskSeats.Seats read = TaskSeats.of(task);
              assertThat(TaskSeats.of(task)).isSameAs(read);
              return read;
            });
    verify(task, times(1)).getIdentityLinks();
    assertThat(first.candidateGroups()).isEmpty();

    TaskSeats.of(task);
    TaskSeats.of(task);
    verify(task, times(3)).getIdentityLinks();
  }

  @Test
  void eachTaskIsReadForItself() {
    TaskEntity one = task("task-1");
    TaskEntity other = task("task-2");
    seats.readOnce(
        () -> {
          TaskSeats.of(one);
          TaskSeats.of(other);
          TaskSeats.of(one);
          return null;
        });
    verify(one, times(1)).getIdentityLinks();
    verify(other, times(1)).getIdentityLinks();
  }

  private static TaskEntity task(String id) {
    TaskEntity task = mock(TaskEntity.class);
    when(task.getId()).thenReturn(id);
    when(task.getIdentityLinks()).thenReturn(List.of());
    return task;
  }
}
