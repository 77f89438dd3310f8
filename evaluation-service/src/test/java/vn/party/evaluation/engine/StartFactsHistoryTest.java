package vn.party.evaluation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import vn.party.evaluation.IntegrationTestSupport;
import vn.party.evaluation.process.ProcessVariables;
import vn.party.evaluation.process.validation.SelfReviewRules;

/**
 * Issue 15: the facts a process starts with, and the settings a task is created with, are kept once in the engine's history ({@code ACT_HI_VARINST}), not also
 * copied into {@code ACT_HI_DETAIL}; a later change of such a fact, and every other variable, keep their detail row.
 */
class StartFactsHistoryTest extends IntegrationTestSupport {

  private static final String PROCESS = "start-facts-history-test";

  @Autowired private ProcessEngineConfigurationImpl configuration;
  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private HistoryService historyService;
  @Autowired private TaskService taskService;
  @Autowired private MessageSource messages;

  @Test
  void aStartFactIsKeptOnceAndItsLaterChangeAndOtherVariablesInDetail() {
    deployed();
    String id =
        runtimeService
            .startProcessInstanceByKey(
                PROCESS,
                Map.of(
                    ProcessVariables.MEMBER_ID,
                    "sfh-member",
                    ProcessVariables.BRANCH_ID,
                    "sfh-branch-a",
                    "notAStartFact",
                    "kept in detail"))
            .getId();

    String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    taskService.setVariableLocal(task, SelfReviewRules.minLengthVariable("strengths"), 50);
    runtimeService.setVariable(id, ProcessVariables.BRANCH_ID, "sfh-branch-b"); // a transfer

    assertThat(configuration.getHistoryLevel()).isInstanceOf(StartFactsHistory.Level.class);
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(configuration.getHistoryLevel().getId()).isEqualTo(3);
    assertThat(detailsOf(id))
        .containsExactlyInAnyOrder(
            "notAStartFact=kept in detail",
            "branchId=sfh-branch-a", // where it started: a transfer changes it
            "branchId=sfh-branch-b");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id).list())
        .extracting(v -> v.getName() + "=" + v.getValue())
        .containsExactlyInAnyOrder(
            "memberId=sfh-member",
            "branchId=sfh-branch-b",
            "notAStartFact=kept in detail",
            "strengthsMinLength=50");
  }

  private void deploy() {
    repositoryService
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("wait")
                .endEvent()
                .done())
        .deploy();
  }

  /**
   * Issue 15: the displayed cap created as "no cap" (every launched member without facts) gets no detail row; its
   * later change does, and so does a cap created as a cap.
   */
  @Test
  void theCapCreatedAsNoCapIsKeptOnceAndItsChangeInDetail() {
    String noCap = messages.getMessage("cap.none", null, Locale.forLanguageTag("vi"));
    Map<String, Object> none = new HashMap<>();
    none.put(ProcessVariables.LEVEL_CAP, null);
    none.put(ProcessVariables.LEVEL_CAP_REASON, noCap);
    String uncapped = runtimeService.startProcessInstanceByKey(deployed(), none).getId();
    String capped =
        runtimeService
            .startProcessInstanceByKey(
                PROCESS,
                Map.of(
                    ProcessVariables.LEVEL_CAP,
                    "COMPLETED",
                    ProcessVariables.LEVEL_CAP_REASON,
                    "sfh: a cap"))
            .getId();

    assertThat(detailsOf(uncapped)).isEmpty();
    assertThat(detailsOf(capped))
        .containsExactlyInAnyOrder("levelCap=COMPLETED", "levelCapReason=sfh: a cap");

    runtimeService.setVariable(uncapped, ProcessVariables.LEVEL_CAP, "GOOD"); // a fact arrived
    runtimeService.setVariable(uncapped, ProcessVariables.LEVEL_CAP_REASON, "sfh: now a cap");
    assertThat(detailsOf(uncapped))
        .containsExactlyInAnyOrder("levelCap=GOOD", "levelCapReason=sfh: now a cap");
  }

  private String deployed() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count()
        == 0) {
      deploy();
    }
    return PROCESS;
  }

  private List<String> detailsOf(String processInstanceId) {
    return historyService
        .createHistoricDetailQuery()
        .processInstanceId(processInstanceId)
        .variableUpdates()
        .list()
        .stream()
        .map(HistoricDetail.class::cast)
        .map(HistoricVariableUpdate.class::cast)
        .map(update -> update.getVariableName() + "=" + update.getValue())
        .toList();
  }
}
