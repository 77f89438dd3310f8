package vn.party.evaluation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/** The DMN files as models, for tests that look at the tables rather than evaluate them. */
final class DmnFiles {

  private DmnFiles() {}

  static DmnModelInstance model(Regulation regulation) {
    String resource = DecisionKeys.resource(regulation);
    try (InputStream in = DmnFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Decision decision(Regulation regulation, String kind) {
    Decision decision = model(regulation).getModelElementById(DecisionKeys.id(kind, regulation));
    if (decision == null) {
      throw new IllegalStateException("No decision " + DecisionKeys.id(kind, regulation));
    }
    return decision;
  }

  static DecisionTable table(Decision decision) {
    return (DecisionTable) decision.getExpression();
  }

  /** The rule ids of one decision table, in row order. */
  static List<String> ruleIds(Regulation regulation, String kind) {
    Collection<Rule> rules = table(decision(regulation, kind)).getRules();
    List<String> ids = new ArrayList<>();
    rules.forEach(rule -> ids.add(rule.getId()));
    return ids;
  }
}
