package vn.party.evaluation.account;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Switches the password policy on once the engine has started. Before that the engine created the administrator
 * configured in {@code camunda.bpm.admin-user} (with whatever password the configuration gives, {@code admin} on a
 * developer machine); outside the demo profile that account must change its password at first sign-in, as long as
 * the configured password still works and nobody has set one since ({@code evaluation.accounts.initial-admin-must-change},
 * default true; the local launcher's throw-away engines used by the benchmark and the end-to-end tests set it false).
 */
@Component
public class PasswordPolicyActivation implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(PasswordPolicyActivation.class);

  private final ProcessEngine engine;
  private final PasswordFlags flags;
  private final Environment environment;
  private final String adminId;
  private final String adminPassword;
  private final boolean adminMustChange;

  public PasswordPolicyActivation(
      ProcessEngine engine,
      PasswordFlags flags,
      Environment environment,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword,
      @Value("${evaluation.accounts.initial-admin-must-change:true}") boolean adminMustChange) {
    this.engine = engine;
    this.flags = flags;
    this.environment = environment;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
    this.adminMustChange = adminMustChange;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .setEnablePasswordPolicy(true);
    if (!adminMustChange
        || adminId.isBlank()
        || adminPassword.isBlank()
        || environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    if (!flags.known(adminId) && identity.checkPassword(adminId, adminPassword)) {
      flags.set(adminId, true, "configuration");
      log.info(
          "the configured administrator {} must change the password at first sign-in", adminId);
    }
  }
}
