package vn.party.evaluation.security.engine;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.exception.RestException;
import vn.party.evaluation.process.validation.FieldError;

/**
 * What a person writes to the engine's users, groups, tenants and filters fits the engine's columns, whatever the
 * door ({@code /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/profile}, the same for {@code group},
 * {@code tenant} and {@code filter}, with or without {@code /engine/default}, the webapps' copy under {@code
 * /camunda/api/engine} that Camunda Admin and Tasklist call, Java as a person). Before: a value longer than its column
 * (a 300,000-character first name, a 65-character id) reached PostgreSQL, which refused it, and the answer was a 400
 * naming nothing ({@code EngineRestProblems}). Now the command is refused before it starts (nothing is written): 400
 * naming each field ({@code firstName}, {@code name}…) with {@code too-long} and the column's length, or {@code
 * required} for an id that is empty or only spaces (the engine refused those too, naming nothing).
 *
 * <p>The lengths are the engine's own, from camunda-engine 7.24's create SQL for PostgreSQL ({@code
 * org/camunda/bpm/engine/db/create/activiti.postgres.create.identity.sql} and {@code ...create.engine.sql}); a
 * {@code varchar(n)} holds n characters (code points, as PostgreSQL counts them, not UTF-16 units). A filter's {@code
 * query} and {@code properties} are {@code TEXT} there: no length to keep.
 *
 * <p>Seventh session's outsider (finding 6): the engine's own refusals named no field — an id outside its id pattern
 * ("User has an invalid id: … is not a valid resource identifier") and a password its policy refuses ("Password does
 * not match policy", also for a 300,000-character one). Both are judged here first, as the engine judges them: an
 * id against the configured pattern of its kind ({@code userResourceWhitelistPattern}, {@code group…}, {@code
 * tenant…}, else {@code generalResourceWhitelistPattern}), 400 {@code id} {@value #INVALID_ID}; a new password against
 * the engine's password policy (when it is on and the save does not skip it), 400 {@code password}: {@code too-long}
 * with the policy's own maximum, else the first refusing rule's reason ({@link PasswordReasons}: {@code
 * password-too-short}, {@code password-too-common}…).
 */
public final class IdentityLengths {

  /** {@code ACT_ID_USER.ID_}, {@code ACT_ID_GROUP.ID_}, {@code ACT_ID_TENANT.ID_}: {@code varchar(64)}. */
  public static final int ID = 64;

  /**
   * {@code ACT_ID_USER.FIRST_}, {@code LAST_}, {@code EMAIL_}; {@code ACT_ID_GROUP.NAME_}, {@code TYPE_}; {@code
   * ACT_ID_TENANT.NAME_}; {@code ACT_RU_FILTER.NAME_}, {@code OWNER_}: {@code varchar(255)}.
   */
  public static final int TEXT = 255;

  /** The problem's key for a column's length ({@code EngineRestProblems}: the message's second argument). */
  public static final String MAX_LENGTH = "maxLength";

  /** An id the engine's id pattern refuses. */
  static final String INVALID_ID = "invalid-id";

  /** An e-mail address that is not one address (eighth session's outsider, LOW 1). */
  static final String INVALID_EMAIL = "invalid-email";

  /** The parameter the password policy's maximum-length rule names its maximum by ({@code PartyPasswordPolicy}). */
  private static final String POLICY_MAX_LENGTH = "maxLength";

  private IdentityLengths() {}

  /**
   * Refuses a person's save of a user, group, tenant or filter holding a value its column cannot take, an id the
   * engine's pattern refuses or a password its policy refuses.
   */
  static void check(Command<?> command, ProcessEngineConfigurationImpl configuration) {
    List<Map<String, String>> errors = refusals(command, configuration);
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
  }

  /** Each field of the saved user, group, tenant or filter that does not fit, in the body's order; empty: all fit. */
  static List<Map<String, String>> refusals(
      Command<?> command, ProcessEngineConfigurationImpl configuration) {
    List<Map<String, String>> errors = new ArrayList<>();
    if (command instanceof SaveUserCmd
        && CommandWrites.fieldOf(command, "user") instanceof User user) {
      id(
          errors,
          user.getId(),
          idPattern(configuration, configuration.getUserResourceWhitelistPattern()));
      fits(errors, "firstName", user.getFirstName(), TEXT);
      fits(errors, "lastName", user.getLastName(), TEXT);
      fits(errors, "email", user.getEmail(), TEXT);
      email(errors, user.getEmail());
      if (!Boolean.TRUE.equals(CommandWrites.fieldOf(command, "skipPasswordPolicy"))) {
        password(errors, user, configuration);
      }
    } else if (command instanceof SaveGroupCmd
        && CommandWrites.fieldOf(command, "group") instanceof Group group) {
      id(
          errors,
          group.getId(),
          idPattern(configuration, configuration.getGroupResourceWhitelistPattern()));
      // a group is listed by its name: a blank one was saved (eighth session's outsider, LOW 2)
      required(errors, "name", group.getName());
      fits(errors, "name", group.getName(), TEXT);
      fits(errors, "type", group.getType(), TEXT);
    } else if (command instanceof CreateMembershipCmd || command instanceof DeleteMembershipCmd) {
      // an id no user or group can have was answered 204 for a removal and with the engine's text
      // for an addition (eighth session's outsider, LOW 3): named as the creation names it
      id(
          errors,
          "groupId",
          CommandWrites.stringField(command, "groupId"),
          idPattern(configuration, configuration.getGroupResourceWhitelistPattern()));
      id(
          errors,
          "userId",
          CommandWrites.stringField(command, "userId"),
          idPattern(configuration, configuration.getUserResourceWhitelistPattern()));
    } else if (command instanceof CreateTenantUserMembershipCmd
        || command instanceof DeleteTenantUserMembershipCmd
        || command instanceof CreateTenantGroupMembershipCmd
        || command instanceof DeleteTenantGroupMembershipCmd) {
      // a tenant's memberships, as a group's above (eighth session's outsider, 4b: answered with
      // the
      // engine's text or 204): the tenant, then the user or group, each by its kind's pattern
      id(
          errors,
          "tenantId",
          CommandWrites.stringField(command, "tenantId"),
          idPattern(configuration, configuration.getTenantResourceWhitelistPattern()));
      boolean ofUser =
          command instanceof CreateTenantUserMembershipCmd
              || command instanceof DeleteTenantUserMembershipCmd;
      id(
          errors,
          ofUser ? "userId" : "groupId",
          CommandWrites.stringField(command, ofUser ? "userId" : "groupId"),
          idPattern(
              configuration,
              ofUser
                  ? configuration.getUserResourceWhitelistPattern()
                  : configuration.getGroupResourceWhitelistPattern()));
    } else if (command instanceof SaveTenantCmd
        && CommandWrites.fieldOf(command, "tenant") instanceof Tenant tenant) {
      id(
          errors,
          tenant.getId(),
          idPattern(configuration, configuration.getTenantResourceWhitelistPattern()));
      fits(errors, "name", tenant.getName(), TEXT);
    } else if (command instanceof SaveFilterCmd
        && CommandWrites.fieldOf(command, "filter") instanceof Filter filter) {
      // the id is the engine's; the query and the properties are TEXT; a filter is listed by its
      // name, and a blank owner was stored with an authorization for user "   " (seventh session)
      required(errors, "name", filter.getName());
      fits(errors, "name", filter.getName(), TEXT);
      if (filter.getOwner() != null && filter.getOwner().isBlank()) {
        errors.add(error("owner", FieldError.REQUIRED, null));
      }
      fits(errors, "owner", filter.getOwner(), TEXT);
    }
    return errors;
  }

  private static void id(List<Map<String, String>> errors, String id, Pattern pattern) {
    id(errors, "id", id, pattern);
  }

  private static void id(
      List<Map<String, String>> errors, String field, String id, Pattern pattern) {
    if (id == null || id.isBlank()) {
      errors.add(error(field, FieldError.REQUIRED, null));
      return;
    }
    int before = errors.size();
    fits(errors, field, id, ID);
    if (errors.size() == before && pattern != null && !pattern.matcher(id).matches()) {
      errors.add(error(field, INVALID_ID, null));
    }
  }

  /**
   * The engine's id pattern for a kind of resource, chosen as the engine chooses it ({@code EnsureUtil
   * .ensureWhitelistedResourceId}): the kind's own when set, else the general one; null: none configured.
   */
  private static Pattern idPattern(
      ProcessEngineConfigurationImpl configuration, String ownPattern) {
    String pattern =
        ownPattern != null && !ownPattern.isEmpty()
            ? ownPattern
            : configuration.getGeneralResourceWhitelistPattern();
    return pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern);
  }

  /**
   * A new password against the engine's password policy, as the engine's save judges it (when the policy is on): one
   * error, the maximum length first (a 300,000-character password was answered "does not match policy", naming
   * neither the field nor the limit).
   */
  private static void password(
      List<Map<String, String>> errors, User user, ProcessEngineConfigurationImpl configuration) {
    PasswordPolicy policy = configuration.getPasswordPolicy();
    if (!configuration.isEnablePasswordPolicy()
        || policy == null
        || !(user instanceof UserEntity entity)
        || !entity.hasNewPassword()
        || !(CommandWrites.fieldOf(entity, "newPassword") instanceof String password)) {
      return;
    }
    for (PasswordPolicyRule rule : policy.getRules()) {
      String max =
          rule.getParameters() == null ? null : rule.getParameters().get(POLICY_MAX_LENGTH);
      if (max != null && !rule.execute(password, user)) {
        errors.add(error("password", FieldError.TOO_LONG, Integer.valueOf(max)));
        return;
      }
    }
    policy.getRules().stream()
        .filter(rule -> !rule.execute(password, user))
        .findFirst()
        .ifPresent(rule -> errors.add(error("password", PasswordReasons.of(rule), null)));
  }

  /**
   * One address, or none: a line separator (U+2028), a space, a comma or a semicolon let one save carry a second
   * recipient ("a@x.vn, attacker@evil.vn" was stored, and later notices to it failed). Refused: any character of
   * Unicode types Cc, Cf, Zl, Zp, any whitespace, a comma, a semicolon, or not exactly one '@' with text on both
   * sides. An empty address stays allowed (an account without one); a control character is already named by {@link
   * #fits}.
   */
  private static void email(List<Map<String, String>> errors, String email) {
    if (email == null
        || email.isEmpty()
        || errors.stream().anyMatch(e -> "email".equals(e.get("field")))) {
      return;
    }
    int at = email.indexOf('@');
    boolean oneAt = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
    boolean clean =
        email
            .codePoints()
            .noneMatch(
                c -> {
                  int type = Character.getType(c);
                  return type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR
                      || Character.isWhitespace(c)
                      || Character.isSpaceChar(c)
                      || c == ','
                      || c == ';';
                });
    if (!oneAt || !clean) {
      errors.add(error("email", INVALID_EMAIL, null));
    }
  }

  private static void required(List<Map<String, String>> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(error(field, FieldError.REQUIRED, null));
    }
  }

  /**
   * Too long, or holding a control character (a NUL reached PostgreSQL, which refused it naming nothing; an e-mail
   * address with a line break was stored as sent: seventh session's outsider).
   */
  private static void fits(List<Map<String, String>> errors, String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(error(field, FieldError.CONTROL_CHARACTERS, null));
    } else if (value.codePointCount(0, value.length()) > max) {
      errors.add(error(field, FieldError.TOO_LONG, max));
    }
  }

  private static Map<String, String> error(String field, String reason, Integer max) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("reason", reason);
    if (max != null) {
      error.put(MAX_LENGTH, String.valueOf(max));
    }
    return error;
  }

  /**
   * The refusal: a {@link RestException} with status 400 (as {@link VariableRefusedException}), so that every door of
   * the engine REST API passes it on; {@code EngineRestProblems} answers it as the problem naming each field.
   */
  public static final class Refused extends RestException {

    private final transient List<Map<String, String>> errors;

    Refused(List<Map<String, String>> errors) {
      super(
          Response.Status.BAD_REQUEST,
          errors.stream()
              .map(e -> e.get("field") + ": " + e.get("reason"))
              .collect(Collectors.joining("; ")));
      this.errors = List.copyOf(errors);
    }

    /** {@code {field, reason}}, and {@link #MAX_LENGTH} for a value too long. */
    public List<Map<String, String>> errors() {
      return errors;
    }
  }
}
