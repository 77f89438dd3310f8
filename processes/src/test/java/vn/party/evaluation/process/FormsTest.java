package vn.party.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.party.evaluation.process.validation.BranchVote;
import vn.party.evaluation.process.validation.SelfReviewRules;
import vn.party.evaluation.process.validation.TaskCompletionRules;
import vn.party.evaluation.process.validation.TaskCompletionRules.Kind;
import vn.party.evaluation.rules.Grade;
import vn.party.evaluation.rules.Level;

/**
 * Every form a user task references exists, is a form Camunda 7.24 Tasklist can render, and asks
 * for every completion variable that {@link TaskCompletionRules} checks, with the same values.
 */
class FormsTest {

  /** The form-js viewer bundled with the Camunda 7.24 webapps reads schemas up to version 16. */
  private static final int TASKLIST_SCHEMA_VERSION = 16;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final BpmnModelInstance MEMBER_EVALUATION =
      Bpmn.readModelFromStream(resource("bpmn/member-evaluation.bpmn"));

  private static final BpmnModelInstance MEMBER_RERATING =
      Bpmn.readModelFromStream(resource("bpmn/member-rerating.bpmn"));

  private static final BpmnModelInstance MEMBER_REAPPRAISAL =
      Bpmn.readModelFromStream(resource("bpmn/member-reappraisal.bpmn"));

  private static final BpmnModelInstance COLLECTIVE_EVALUATION =
      Bpmn.readModelFromStream(resource("bpmn/collective-evaluation.bpmn"));

  static Stream<String> userTasks() {
    return Stream.of(MEMBER_EVALUATION, MEMBER_RERATING, MEMBER_REAPPRAISAL, COLLECTIVE_EVALUATION)
        .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId);
  }

  private static UserTask task(String taskId) {
    return Stream.of(MEMBER_EVALUATION, MEMBER_RERATING, MEMBER_REAPPRAISAL, COLLECTIVE_EVALUATION)
        .map(model -> (UserTask) model.getModelElementById(taskId))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userTasks")
  void theTaskFormAsksForEveryCompletionVariable(String taskId) throws IOException {
    UserTask task = task(taskId);
    String formId = task.getCamundaFormRef();
    assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
    JsonNode form = JSON.readTree(resource("forms/" + formId + ".form"));

    assertThat(form.path("id").asText()).isEqualTo(formId);
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, TASKLIST_SCHEMA_VERSION);
    List<JsonNode> components = new ArrayList<>();
    form.path("components").forEach(components::add);
    for (String field : TaskCompletionRules.fields(taskId)) {
      JsonNode component =
          components.stream()
              .filter(c -> field.equals(c.path("key").asText()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(formId + " has no component for " + field));
      assertThat(component.path("disabled").asBoolean()).as(field + " is editable").isFalse();
      TaskCompletionRules.Kind kind =
          TaskCompletionRules.form(taskId).stream()
              .filter(f -> f.name().equals(field))
              .findFirst()
              .orElseThrow()
              .kind();
      switch (kind) {
        case GRADE ->
            assertThat(options(component))
                .as(field)
                .containsExactlyElementsOf(
                    Arrays.stream(Grade.values()).map(g -> g.name() + "=" + g.label()).toList());
        case POINTS, PERCENT -> {
          assertThat(component.path("type").asText()).as(field).isEqualTo("number");
          assertThat(component.path("validate").path("min").asInt()).as(field).isZero();
          assertThat(component.path("validate").path("max").asInt()).as(field).isBetween(30, 100);
        }
        case COUNT, VOTERS -> {
          assertThat(component.path("type").asText()).as(field).isEqualTo("number");
          assertThat(component.path("decimalDigits").asInt()).as(field + " whole").isZero();
          assertThat(component.path("validate").path("required").asBoolean())
              .as(field + " required")
              .isTrue();
          assertThat(component.path("validate").path("min").asInt())
              .as(field)
              .isEqualTo(kind == Kind.VOTERS ? 1 : 0);
          assertThat(component.path("validate").path("max").asInt())
              .as(field)
              .isEqualTo(BranchVote.MAX_VOTERS);
        }
        // one length per text at every door (twelfth session's outsider, 13): Tasklist stopped the
        // self-review's long texts at an engine variable's 4,000 characters, the pages and the API
        // at 20,000
        case LONG_TEXT ->
            assertThat(component.path("validate").path("maxLength").asInt())
                .as(field)
                .isEqualTo(SelfReviewRules.MAX_LONG_TEXT_LENGTH);
        // "no" caps the level: a choice that can stay empty, never a checkbox (its untouched false
        // would say "no")
        case YES_NO -> {
          assertThat(component.path("type").asText()).as(field).isEqualTo("radio");
          assertThat(component.path("validate").path("required").asBoolean())
              .as(field + " optional")
              .isFalse();
          List<JsonNode> values = new ArrayList<>();
          component.path("values").forEach(values::add);
          assertThat(values)
              .as(field + " values")
              .extracting(v -> v.path("value"))
              .allMatch(JsonNode::isBoolean)
              .extracting(JsonNode::booleanValue)
              .containsExactly(true, false);
        }
        default -> assertAllowedValues(field, component);
      }
    }
  }

  /**
   * Issue 14: Tasklist marks the sections a self-criticism requires as required (the engine refuses them empty or too
   * short anyway, naming the field); the other long texts stay optional.
   */
  @Test
  void theSelfReviewFormMarksTheRequiredSections() throws IOException {
    JsonNode form = JSON.readTree(resource("forms/self-review-form.form"));
    for (JsonNode component : form.path("components")) {
      String key = component.path("key").asText();
      if (!"textarea".equals(component.path("type").asText())) {
        continue;
      }
      assertThat(component.path("validate").path("required").asBoolean())
          .as(key + " required")
          .isEqualTo(SelfReviewRules.REQUIRED_SECTIONS.contains(key));
    }
    assertThat(SelfReviewRules.REQUIRED_SECTIONS)
        .allMatch(
            section ->
                StreamSupport.stream(form.path("components").spliterator(), false)
                    .anyMatch(c -> section.equals(c.path("key").asText())));
  }

  /**
   * Twelfth session's outsider, 8: Tasklist marks section I's grades (and the points under a scored regulation)
   * required, so a member sees before sending what the rules ask once any criterion is graded or EXCELLENT is proposed
   * (all of them). Each is hidden on the forms without its criterion, and form-js neither checks nor sends a hidden
   * field, so a probationary member or one without a leadership post is not asked for criteria not on their form.
   */
  @Test
  void theSelfReviewFormMarksTheGradesRequiredWhereTheyAreAsked() throws IOException {
    JsonNode form = JSON.readTree(resource("forms/self-review-form.form"));
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.CRITERIA) {
      for (String field : List.of(criterion.gradeField(), criterion.pointsField())) {
        JsonNode component =
            StreamSupport.stream(form.path("components").spliterator(), false)
                .filter(c -> field.equals(c.path("key").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component for " + field));
        assertThat(component.path("validate").path("required").asBoolean())
            .as(field + " required")
            .isTrue();
        String hide = component.path("conditional").path("hide").asText("");
        assertThat(hide.contains("formKind = \"PROBATIONARY\""))
            .as(field + " hidden from probationary members: " + hide)
            .isEqualTo(!criterion.on(SelfReviewRules.Form.F10_KND));
        assertThat(hide.contains("formKind != \"PROBATIONARY\""))
            .as(field + " hidden from full members: " + hide)
            .isEqualTo(
                !criterion.on(SelfReviewRules.Form.F02A)
                    && !criterion.on(SelfReviewRules.Form.F02B));
        assertThat(hide.contains("leadershipPost != true"))
            .as(field + " hidden from members without a leadership post: " + hide)
            .isEqualTo(criterion.leadersOnly());
        assertThat(hide.contains("regulation != \"QD-366-2025\""))
            .as(field + " hidden without a score: " + hide)
            .isEqualTo(field.equals(criterion.pointsField()));
      }
    }
  }

  /** The member (self-review) and both approvers see the cap and why, read-only (not submitted). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("userTasks")
  void theTaskFormShowsTheLevelCapReadOnly(String taskId) throws IOException {
    UserTask task = task(taskId);
    JsonNode form = JSON.readTree(resource("forms/" + task.getCamundaFormRef() + ".form"));
    for (String shown : List.of(ProcessVariables.LEVEL_CAP, ProcessVariables.LEVEL_CAP_REASON)) {
      JsonNode component =
          StreamSupport.stream(form.path("components").spliterator(), false)
              .filter(c -> shown.equals(c.path("key").asText()))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(task.getCamundaFormRef() + " does not show " + shown));
      assertThat(component.path("disabled").asBoolean()).as(shown + " is read-only").isTrue();
    }
  }

  private static void assertAllowedValues(String field, JsonNode component) {
    switch (component.path("type").asText()) {
      case "select" ->
          assertThat(options(component))
              .as(field)
              .containsExactlyElementsOf(
                  Arrays.stream(Level.values()).map(l -> l.name() + "=" + l.label()).toList());
      // a collective is returned to itself, not to a branch: same values, its own wording
      case "radio" ->
          assertThat(options(component).stream().map(o -> o.substring(0, o.indexOf('='))).toList())
              .as(field)
              .containsExactlyElementsOf(
                  Arrays.stream(Decision.values()).map(Decision::name).toList());
      case "textarea" ->
          assertThat(component.path("validate").path("maxLength").asInt())
              .as(field)
              .isEqualTo(TaskCompletionRules.MAX_TEXT_LENGTH);
      case "number" -> {
        assertThat(component.path("validate").path("min").asInt())
            .as(field)
            .isEqualTo(TaskCompletionRules.MIN_MONTHS);
        assertThat(component.path("validate").path("max").asInt())
            .as(field)
            .isEqualTo(TaskCompletionRules.MAX_MONTHS);
      }
      case "checkbox" -> assertThat(component.has("values")).as(field).isFalse();
      default -> throw new AssertionError(field + " has unexpected type " + component.path("type"));
    }
  }

  private static List<String> options(JsonNode component) {
    List<String> options = new ArrayList<>();
    component
        .path("values")
        .forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
    return options;
  }

  private static InputStream resource(String name) {
    InputStream stream = FormsTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(stream).as(name).isNotNull();
    return stream;
  }
}
