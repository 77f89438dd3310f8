package vn.party.evaluation.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The webapps' copy of the engine REST API ({@code /camunda/api/engine/engine/{name}/...}, what Tasklist and Cockpit
 * call), answering errors as {@code /engine-rest} does (issue 12, finding 9): the engine's error mappers, its Jackson
 * mappers and Jersey's are replaced by {@link EngineRestProblems}. It answered 403 naming another member's process
 * instance, 500 {@code NullValueException} for an unknown one, and a broken body with Jackson's text. Registered as
 * the servlet the webapp starter would register ({@link WebappEngineRestConfiguration}).
 */
public class WebappEngineRestApplication extends EngineRestApplication {

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
    classes.removeAll(EngineRestJerseyConfig.REPLACED);
    return classes;
  }

  @Override
  public Set<Object> getSingletons() {
    return Set.of(
        JacksonFeature.withoutExceptionMappers(),
        new EngineRestProblems(WebappEngineRestApplication::engine),
        new EngineRestQueryParameters(),
        new EngineRestPathIds(),
        new EngineRestProblems.RequestBody());
  }

  private static ProcessEngine engine() {
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (engine == null) {
      throw new IllegalStateException("no process engine");
    }
    return engine;
  }
}
