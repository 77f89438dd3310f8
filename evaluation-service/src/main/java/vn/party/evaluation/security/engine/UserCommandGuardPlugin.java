package vn.party.evaluation.security.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Installs {@link UserCommandGuard} before the transaction of every command (a refused command starts nothing).
 * A Spring bean of this type is picked up by the Camunda Spring Boot starter.
 */
public class UserCommandGuardPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationPeople people;

  /** {@code people}: whom the application's records name ({@link UserDeletions}). */
  public UserCommandGuardPlugin(ApplicationPeople people) {
    this.people = people;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new UserCommandGuard(configuration, people));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
