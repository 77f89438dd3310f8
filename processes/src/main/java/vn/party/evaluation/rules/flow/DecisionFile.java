package vn.party.evaluation.rules.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import vn.party.evaluation.rules.RuleBook;

/**
 * The DMN engine's side of reading one rule file for {@link RuleBook}: the file parsed into decisions and each row's
 * source read from its annotation. The only place of the rule book that reads DMN models.
 */
public final class DecisionFile {

  private DecisionFile() {}

  /**
   * The decisions {@code ids} of the DMN file {@code resource} on the classpath, parsed by {@code engine}, by id;
   * puts each rule's source (its annotation, stripped; empty when it has none) into {@code sources}, by rule id.
   *
   * @throws IllegalStateException when the file or one of the decisions is missing
   */
  public static Map<String, DmnDecision> read(
      DmnEngine engine, String resource, List<String> ids, Map<String, String> sources) {
    DmnModelInstance model;
    try (InputStream in = DecisionFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing rule file on the classpath: " + resource);
      }
      model = Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      String source =
          rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip();
      sources.put(rule.getId(), source);
    }
    Map<String, DmnDecision> parsed = new HashMap<>();
    for (DmnDecision decision : engine.parseDecisions(model)) {
      parsed.put(decision.getKey(), decision);
    }
    Map<String, DmnDecision> wanted = new HashMap<>();
    for (String id : ids) {
      DmnDecision decision = parsed.get(id);
      if (decision == null) {
        throw new IllegalStateException(resource + " has no decision '" + id + "'");
      }
      wanted.put(id, decision);
    }
    return wanted;
  }
}
