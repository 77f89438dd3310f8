package vn.party.evaluation.task;

import java.util.Date;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.party.evaluation.task.TaskApi.TaskView;

@Mapper(componentModel = "spring")
interface TaskMapper {

  @Mapping(target = "overdue", expression = "java(task.overdueAt(now))")
  @Mapping(target = "year", source = "task.year")
  TaskView toView(OpenTask task, Date now);
}
