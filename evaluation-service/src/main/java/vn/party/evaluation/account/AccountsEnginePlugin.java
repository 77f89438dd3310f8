package vn.party.evaluation.account;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.party.evaluation.account.flow.PartyPasswordPolicy;

/**
 * The engine's side of the accounts: its password check throttled instead of locked
 * ({@link ThrottledIdentityProvider}), and our password policy. The policy is switched on once the engine has
 * started ({@link PasswordPolicyActivation}): the configured first administrator is created before, and must change
 * that password at first sign-in; so must every account whose password a person set for someone else through the
 * engine ({@link PasswordsSetInEngine}). And the engine's metrics for administrators only ({@link AdministratorsOnlyCommands}).
 */
@Component
public class AccountsEnginePlugin extends AbstractProcessEnginePlugin {

  private final SignInThrottle throttle;
  private ObjectProvider<PasswordsSetInEngine> passwordsSet;
  private ObjectProvider<EmailChanges> emailChanges;

  public AccountsEnginePlugin(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  /** Looked up when a password is saved: the bean needs the outbox, which the engine's plugins must not wait for. */
  @Autowired
  void passwordsSet(ObjectProvider<PasswordsSetInEngine> passwordsSet) {
    this.passwordsSet = passwordsSet;
  }

  /** Looked up when a user is saved, for the same reason. */
  @Autowired
  void emailChanges(ObjectProvider<EmailChanges> emailChanges) {
    this.emailChanges = emailChanges;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new ThrottledIdentityProvider.Factory(
            throttle, () -> passwordsSet.getIfAvailable(), () -> emailChanges.getIfAvailable()));
    // belt and braces: should the provider above ever be replaced, the engine's lock still never
    // becomes permanent
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setPasswordPolicy(new PartyPasswordPolicy());
    configuration.setEnablePasswordPolicy(false);
    var guard = new AdministratorsOnlyCommands(configuration::getIdentityService);
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(guard);
  }
}
