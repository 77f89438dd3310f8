package vn.party.evaluation.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonMappingExceptionHandler;
import org.camunda.bpm.engine.rest.exception.JsonParseExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine REST API ({@code /engine-rest}) as the starter configures it, with the engine's error mappers replaced
 * by {@link EngineRestProblems} (the starter steps back when a bean of this type exists). The webapps' copy under
 * {@code /camunda/api/engine} answers the same ({@link WebappEngineRestApplication}).
 */
@Component
public class EngineRestJerseyConfig extends CamundaJerseyResourceConfig {

  /**
   * The engine's error mappers, replaced by {@link EngineRestProblems}: also its Jackson mappers, which answered a
   * broken body with Jackson's own text naming internal classes (issue 12, finding 9).
   */
  static final Set<Class<?>> REPLACED =
      Set.of(
          ProcessEngineExceptionHandler.class,
          RestExceptionHandler.class,
          ExceptionHandler.class,
          JsonMappingExceptionHandler.class,
          JsonParseExceptionHandler.class);

  private final ProcessEngine engine;

  public EngineRestJerseyConfig(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration =
        new LinkedHashSet<>(CamundaRestResources.getConfigurationClasses());
    configuration.removeAll(REPLACED);
    registerClasses(configuration);
    // without Jersey's own Jackson mappers (the English parser text): EngineRestProblems answers
    register(JacksonFeature.withoutExceptionMappers());
    register(new EngineRestProblems(engine));
    register(new EngineRestQueryParameters());
    register(new EngineRestPathIds());
    register(new EngineRestProblems.RequestBody());
  }
}
