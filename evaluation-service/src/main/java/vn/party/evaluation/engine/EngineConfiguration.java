package vn.party.evaluation.engine;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.party.evaluation.process.DelegateNames;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.process.TaskGroups;
import vn.party.evaluation.process.validation.TaskCompletionValidationPlugin;
import vn.party.evaluation.security.engine.ApplicationPeople;
import vn.party.evaluation.security.engine.DefinitionReaders;
import vn.party.evaluation.security.engine.UserCommandGuardPlugin;

/** Engine plugins this application needs (the Spring Boot starter registers every plugin bean). */
@Configuration
public class EngineConfiguration {

  /**
   * The committee groups the diagrams derive from the instance's unit ({@code ${taskGroups.branchCommittee(branchId)}}):
   * {@link Groups}' names, as everywhere else.
   */
  @Bean(DelegateNames.TASK_GROUPS)
  TaskGroups taskGroups() {
    return new TaskGroups();
  }

  /** A refused task completion reaches engine REST and Tasklist as 400 naming the field, not as a 500. */
  @Bean
  TaskCompletionValidationPlugin taskCompletionValidationPlugin() {
    return new TaskCompletionValidationPlugin();
  }

  /**
   * Every variable a person writes, through any door, is checked by the engine (issue 12); the accounts the
   * application's records name — a party member, a committee seat, a timeline's member — are never deleted by a
   * person (sixth session, finding 2).
   */
  @Bean
  UserCommandGuardPlugin userCommandGuardPlugin(JdbcClient jdbc) {
    return new UserCommandGuardPlugin(
        new ApplicationPeople() {
          @Override
          public boolean knows(String userId) {
            return jdbc.sql(
                    """
                    select exists (select 1 from evaluation.party_member where id = :u)
                        or exists (select 1 from evaluation.unit_committee_member where person_id = :u)
                        or exists (select 1 from evaluation.timeline_entry where member_id = :u)
                    """)
                .param("u", userId)
                .query(Boolean.class)
                .single();
          }

          @Override
          public Optional<String> rosterEmail(String userId) {
            return jdbc.sql("select coalesce(email, '') from evaluation.party_member where id = :u")
                .param("u", userId)
                .query(String.class)
                .optional();
          }
        });
  }

  /**
   * Each group reads the process definitions by a grant of its own, never a global authorization, which the engine
   * turns into revocations for a member with an open case about them (open question D, {@link DefinitionReaders}).
   */
  @Bean
  DefinitionReaders.Plugin definitionReadersPlugin() {
    return new DefinitionReaders.Plugin();
  }

  /** {@code ${currentUserGroups()}} of a person in no group finds nothing (see {@link CurrentUserGroups}). */
  @Bean
  CurrentUserGroups currentUserGroups() {
    return new CurrentUserGroups();
  }

  /** A person's groups that hold authorizations, found by index (see {@link AuthorizedGroups}). */
  @Bean
  AuthorizedGroups authorizedGroups() {
    return new AuthorizedGroups();
  }

  /**
   * History {@code full} without a second copy of the facts a process starts with, nor of a cap created as "no cap"
   * (see {@link StartFactsHistory}): the cap's reason then is the Vietnamese "no cap" text the forms show.
   */
  @Bean
  StartFactsHistory startFactsHistory(MessageSource messages) {
    return new StartFactsHistory(
        messages.getMessage("cap.none", null, Locale.forLanguageTag("vi")));
  }

  /** The index a task completion needs on ACT_RU_TASK.PARENT_TASK_ID_ (see {@link EngineIndexes}). */
  @Bean
  EngineIndexes engineIndexes() {
    return new EngineIndexes();
  }
}
