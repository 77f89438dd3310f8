package vn.party.evaluation.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.party.evaluation.process.validation.TaskCompletionValidationPlugin;
import vn.party.evaluation.security.engine.UserCommandGuardPlugin;

/** Engine plugins this application needs (the Spring Boot starter registers every plugin bean). */
@Configuration
public class EngineConfiguration {

  /** A refused task completion reaches engine REST and Tasklist as 400 naming the field, not as a 500. */
  @Bean
  TaskCompletionValidationPlugin taskCompletionValidationPlugin() {
    return new TaskCompletionValidationPlugin();
  }

  /** Every variable a person writes, through any door, is checked by the engine (issue 12). */
  @Bean
  UserCommandGuardPlugin userCommandGuardPlugin() {
    return new UserCommandGuardPlugin();
  }

  /** The index a task completion needs on ACT_RU_TASK.PARENT_TASK_ID_ (see {@link EngineIndexes}). */
  @Bean
  EngineIndexes engineIndexes() {
    return new EngineIndexes();
  }
}
