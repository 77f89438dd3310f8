package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Application;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 12: the authorization matrix generated from what the running application serves, not listed by hand.
 * Every engine REST endpoint in both path forms (from {@code CamundaRestResources} and their sub-resources), every
 * {@code /api/v1} and {@code /app} handler (from Spring's {@code RequestMappingHandlerMapping}) and every webapp API
 * under {@code /camunda/api/...} (from the webapps' JAX-RS applications) is tried by every demo role; write endpoints
 * get foreign variables (a member re-routing their evaluation: {@code branchCommitteeGroup=members}) and out-of-range
 * values (a level that does not exist) wherever their body carries variables.
 *
 * <p>What counts as a <em>wrong grant</em> (a 2xx, or for the people's pages a redirect anywhere but the login page):
 * anonymous, anywhere but the public addresses; anyone, on a write carrying variables (only a task's form may write
 * them, and these bodies are never a valid form); a role other than the administrator, on any other write not listed
 * as theirs in {@link #WRITES}; a member or another branch's committee, on a read of member1's task or evaluation
 * instance (ids sampled from a running campaign; other ids are ones that do not exist). Reads otherwise answer what
 * the engine's authorizations filter — the hand-listed {@link AuthorizationMatrixTest} checks what they show.
 *
 * <p>A served endpoint must be classified: an engine or webapp resource not in {@link #ENGINE_ROOTS} / {@link
 * #WEBAPP_ROOTS}, or a domain handler not in {@link #WRITES} / {@link #READS}, fails the test — a new endpoint forces a
 * decision here.
 */
class GeneratedAuthorizationMatrixTest extends EvaluationFlowSupport {

  private static final int YEAR = 2088;
  private static final String FOREIGN = "branchCommitteeGroup";

  private enum Role {
    ANONYMOUS(null), MEMBER("member1"), OTHER_MEMBER("member2"), OTHER_BRANCH("secretary2"),
    OWN_BRANCH("secretary1"), GRASSROOTS("committee"), AUDITOR("auditor"), ADMIN("admin");

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  /** The engine REST resources (first segment after the engine), each a decision: the engine's authorizations. */
  private static final Set<String> ENGINE_ROOTS = Set.of("authorization", "batch", "case-definition",
      "case-execution", "case-instance", "condition", "decision-definition", "decision-requirements-definition",
      "deployment", "engine", "event-subscription", "execution", "external-task", "filter", "group", "history",
      "identity", "incident", "job", "job-definition", "message", "metrics", "migration", "modification", "optimize",
      "process-definition", "process-instance", "schema", "signal", "task", "telemetry", "tenant", "user",
      "variable-instance", "version", "");

  /** Engine resources only the administrator may read (Optimize's data export: every instance, task and variable). */
  private static final Set<String> ADMIN_READ_ROOTS = Set.of("optimize");

  /** The webapps' own APIs: the sign-in resources are public (what a login page needs); the rest needs a session. */
  private static final Set<String> WEBAPP_ROOTS = Set.of("admin", "cockpit", "tasklist", "welcome", "engine");

  /** Addresses anonymous may get a 2xx from: the webapps' sign-in and the list of engines for the login page. */
  private static final List<Pattern> PUBLIC = List.of(
      Pattern.compile("^(GET|POST) /camunda/api/admin/auth/user/\\{engine}(/login/\\{appName})?(/logout)?$"),
      Pattern.compile("^POST /camunda/api/admin/auth/user/\\{engine}/logout$"),
      Pattern.compile("^GET /camunda/api/engine/engine$"),
      Pattern.compile("^GET /camunda/api/admin/setup/\\{engine}/user/.*"),
      Pattern.compile("^GET /camunda/api/(cockpit|tasklist|admin|welcome)/plugin/[^ ]*/static/.*"),
      Pattern.compile("^GET /camunda/api/(cockpit|tasklist|admin|welcome)/plugin/[^ ]*/assets/.*"));

  /**
   * The writes (not carrying variables) a role other than the administrator may get a 2xx for, on the sampled
   * targets (member1's self-review and evaluation): the member works on their own task.
   */
  private static final Map<String, Set<Role>> WRITES = writes();

  /** The domain reads: any signed-in role may ask; what they show is judged by AuthorizationMatrixTest. */
  private static final Set<String> READS = new TreeSet<>();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;
  @Autowired
  private TaskService taskService;

  private Http http;
  private String task;
  private String instance;
  private String jobDefinition;
  private int cases;
  private int wrongGrants;
  private final List<String> grants = new ArrayList<>();
  private final Map<String, Integer> perDoor = new TreeMap<>();

  private static Map<String, Set<Role>> writes() {
    Map<String, Set<Role>> w = new LinkedHashMap<>();
    // engine REST, path after the engine prefix: the member works on their own task
    w.put("POST /task/{id}/claim", Set.of(Role.MEMBER));
    w.put("POST /task/{id}/unclaim", Set.of(Role.MEMBER));
    // the domain API and the pages: who may use each write (the administrator may use all); the bodies sent here carry
    // only a foreign field, which no form keeps, so even they get a 2xx only where nothing is to be filled in
    w.put("POST /api/v1/campaigns", Set.of(Role.GRASSROOTS));
    w.put("POST /api/v1/tasks/{taskId}/claim", Set.of(Role.MEMBER));
    w.put("POST /api/v1/tasks/{taskId}/complete", Set.of(Role.MEMBER));
    w.put("PATCH /api/v1/members/{memberId}", Set.of(Role.GRASSROOTS));
    w.put("POST /api/v1/branches/{branchId}/meetings/{year}", Set.of(Role.OWN_BRANCH));
    w.put("POST /api/v1/evaluations/{year}/{memberId}/adjustments", Set.of(Role.GRASSROOTS));
    w.put("POST /api/v1/evaluations/{year}/{memberId}/complaints", Set.of(Role.MEMBER));
    w.put("POST /app/campaigns/new", Set.of(Role.GRASSROOTS));
    w.put("POST /app/campaigns/{organizationId}/{year}/finalization", Set.of(Role.GRASSROOTS));
    w.put("POST /app/campaigns/{organizationId}/{year}/finalization/adjustments", Set.of(Role.GRASSROOTS));
    w.put("POST /app/evaluations/{year}/{memberId}/complaints", Set.of(Role.MEMBER));
    w.put("POST /app/tasks/{id}", Set.of(Role.MEMBER));
    w.put("POST /app/tasks/{id}/claim", Set.of(Role.MEMBER));
    w.put("POST /app/tasks/{id}/unclaim", Set.of(Role.MEMBER));
    w.put("POST /app/members/{memberId}", Set.of(Role.GRASSROOTS));
    w.put("POST /app/meetings/{branchId}/{year}", Set.of(Role.OWN_BRANCH));
    Set<Role> everyone = Set.of(Role.MEMBER, Role.OTHER_MEMBER, Role.OTHER_BRANCH, Role.OWN_BRANCH, Role.GRASSROOTS,
        Role.AUDITOR);
    w.put("POST /app/notifications/{id}/read", everyone); // one's own notifications
    w.put("POST /app/notifications/read-all", everyone);
    w.put("POST /app/notifications/preferences", everyone);
    return w;
  }

  @Test
  void no_role_gets_a_wrong_grant_on_any_served_endpoint() throws Exception {
    http = new Http(port);
    launchedCampaign(YEAR);
    task = taskOf("member1", "self-review", "member1", YEAR);
    instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(YEAR + ":member1")
        .processDefinitionKey("member-evaluation").singleResult().getId();
    jobDefinition = managementService.createJobDefinitionQuery().list().get(0).getId();

    List<Endpoints.Endpoint> engine = Endpoints.jaxRs("engine", "/engine-rest",
        CamundaRestResources.getResourceClasses());
    List<Endpoints.Endpoint> spring = Endpoints.spring(mappings, "/api/v1", "/app");
    List<Endpoints.Endpoint> webapp = new ArrayList<>();
    for (String[] app : List.of(new String[] {"admin", "org.camunda.bpm.admin.impl.web.AdminApplication"},
        new String[] {"cockpit", "org.camunda.bpm.cockpit.impl.web.CockpitApplication"},
        new String[] {"tasklist", "org.camunda.bpm.tasklist.impl.web.TasklistApplication"},
        new String[] {"welcome", "org.camunda.bpm.welcome.impl.web.WelcomeApplication"},
        new String[] {"engine", "org.camunda.bpm.webapp.impl.engine.EngineRestApplication"})) {
      Application application = (Application) Class.forName(app[1]).getDeclaredConstructor().newInstance();
      webapp.addAll(Endpoints.jaxRs("webapp", "/camunda/api/" + app[0], application.getClasses()));
    }

    Set<String> unclassified = new TreeSet<>();
    engine.stream().filter(e -> !ENGINE_ROOTS.contains(engineRoot(e.template()))).forEach(e -> unclassified.add(
        "engine resource without a row: " + e));
    webapp.stream().filter(e -> !WEBAPP_ROOTS.contains(e.template().split("/")[3])).forEach(e -> unclassified.add(
        "webapp resource without a row: " + e));
    for (Endpoints.Endpoint e : spring) {
      if (!WRITES.containsKey(e.toString()) && !READS.contains(e.toString())) {
        if (e.method().equals("GET")) {
          READS.add(e.toString()); // reads: every GET handler is one (the method decides, not a list)
        } else {
          unclassified.add("domain handler without a row: " + e);
        }
      }
    }

    for (Endpoints.Endpoint e : engine) {
      probeEngine(e);
    }
    for (Endpoints.Endpoint e : spring) {
      probeDomain(e);
    }
    probeWebapps(webapp);

    // nothing of what was sent was kept: member1's evaluation still names its own committees
    cases++;
    if ("members".equals(runtimeService.getVariable(instance, FOREIGN))) {
      wrongGrants++;
      grants.add(FOREIGN + " was written on member1's evaluation");
    }
    System.out.printf("Generated authorization matrix: %d engine REST endpoints (both path forms), %d domain handlers,"
        + " %d webapp API endpoints, %d cases, %d wrong grants%n", engine.size(), spring.size(), webapp.size(), cases,
        wrongGrants);
    perDoor.forEach((door, n) -> System.out.printf("  %-10s %d cases%n", door, n));
    grants.forEach(g -> System.out.println("  WRONG GRANT " + g));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("authz.generated.endpoints", engine.size() + spring.size() + webapp.size());
    figures.put("authz.generated.engineEndpoints", engine.size());
    figures.put("authz.generated.domainHandlers", spring.size());
    figures.put("authz.generated.webappEndpoints", webapp.size());
    figures.put("authz.generated.unclassified", unclassified.size());
    figures.put("authz.cases", cases);
    figures.put("authz.wrongGrants", wrongGrants);
    Figures.write(getClass(), figures);

    assertThat(unclassified).as("served endpoints without a row (decide who may use them)").isEmpty();
    assertThat(grants).as("wrong grants").isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ engine REST

  private void probeEngine(Endpoints.Endpoint e) {
    String path = engineAddress(e.template());
    boolean sampled = path.contains(task) || path.contains(instance);
    Body body = e.read() ? null : body(e.body(), null);
    for (Role role : Role.values()) {
      if (e.read()) {
        boolean strangerOnSample = (role == Role.OTHER_MEMBER || role == Role.OTHER_BRANCH) && sampled;
        boolean adminOnly = ADMIN_READ_ROOTS.contains(engineRoot(e.template())) && role != Role.ADMIN;
        if (role == Role.ANONYMOUS || strangerOnSample || adminOnly) {
          judge(e, role, send(role, e.method(), path, e.method().equals("GET") ? null : "{}"), true);
        }
        continue;
      }
      Body mine = body(e.body(), role.user);
      if (role == Role.ADMIN && !mine.variables()) {
        continue; // the administrator may change anything but variables; not tried on the shared targets
      }
      boolean allowed = !mine.variables() && role != Role.ANONYMOUS
          && WRITES.getOrDefault(e.method() + " " + engineTail(e.template()), Set.of()).contains(role);
      judge(e, role, send(role, e.method(), path, mine.json()), !allowed);
      if (mine.variables() && (role == Role.MEMBER || role == Role.ADMIN)) {
        judge(e, role, send(role, e.method(), path, body(e.body(), role.user, "selfProposedLevel", "SUPREME")
            .json()), true);
      }
    }
  }

  /** The path after {@code /engine-rest} or {@code /engine-rest/engine/{name}}. */
  private static String engineTail(String template) {
    String tail = template.substring("/engine-rest".length());
    return tail.startsWith("/engine/{name}") ? tail.substring("/engine/{name}".length()) : tail;
  }

  private static String engineRoot(String template) {
    String tail = engineTail(template);
    String[] parts = tail.split("/");
    return parts.length > 1 ? parts[1] : "";
  }

  private String engineAddress(String template) {
    String tail = engineTail(template);
    String head = template.substring(0, template.length() - tail.length()).replace("{name}", "default");
    String id = sampleId(engineRoot(template));
    String address = tail.replace("/process-definition/key/{key}", "/process-definition/key/member-evaluation")
        .replaceFirst("\\{id}", id).replace("{varName}", FOREIGN);
    return head + address.replaceAll("\\{[^}/]+}", "authz-none");
  }

  /** The sampled target of a resource: member1's self-review, member1's evaluation, a job definition; else none. */
  private String sampleId(String root) {
    return switch (root) {
      case "task" -> task;
      case "process-instance", "execution" -> instance;
      case "job-definition" -> jobDefinition;
      default -> "authz-none";
    };
  }

  // ------------------------------------------------------------------------------------------------ domain API

  private void probeDomain(Endpoints.Endpoint e) throws Exception {
    String path = e.template().replace("{year}", String.valueOf(YEAR)).replace("{memberId}", "member1")
        .replace("{taskId}", task).replace("{id}", task).replace("{organizationId}", ORG).replace("{org}", ORG)
        .replace("{branchId}", ORG + "-cb1").replace("{collectiveId}", ORG + "-cb1")
        .replaceAll("\\{[^}/]+}", "authz-none").replace("**", "x");
    boolean page = path.startsWith("/app");
    for (Role role : Role.values()) {
      if (e.method().equals("GET")) {
        if (role == Role.ANONYMOUS) {
          judge(e, role, page ? pageStatus(role, "GET", path) : status(http.get(path, null)), true);
        }
        continue;
      }
      if (role == Role.ADMIN) {
        continue;
      }
      boolean allowed = WRITES.getOrDefault(e.toString(), Set.of()).contains(role);
      String answer = page ? pageStatus(role, e.method(), path)
          : status(http.send(e.method(), path, role.user, "application/json", "{\"" + FOREIGN + "\":\"members\"}"));
      judge(e, role, answer, !allowed);
    }
  }

  private final Map<Role, PageSession> sessions = new java.util.EnumMap<>(Role.class);

  /** A page request in a signed-in session, with the session's CSRF token on a post; "grant" for a success. */
  private String pageStatus(Role role, String method, String path) throws Exception {
    PageSession session = sessions.get(role);
    if (session == null) {
      session = role.user == null ? new PageSession(port) : PageSession.of(port, role.user, Http.passwordOf(role.user));
      sessions.put(role, session);
    }
    HttpResponse<String> response;
    if (method.equals("GET")) {
      response = session.get(path);
    } else {
      String csrf = role.user == null ? "" : "_csrf=" + java.net.URLEncoder.encode(
          session.csrf(session.get("/app/tasks").body()), java.nio.charset.StandardCharsets.UTF_8) + "&";
      response = session.post(path, csrf + FOREIGN + "=members");
    }
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() / 100 == 3) {
      return location.contains("/login") ? "302-login" : "302";
    }
    return String.valueOf(response.statusCode());
  }

  // ------------------------------------------------------------------------------------------------ webapps

  /**
   * The webapps' APIs: anonymous on every one (a session is needed), and a member signed in to Tasklist on every
   * write (none carries a grant for a member) and on Cockpit's and Admin's reads (not theirs to use).
   */
  private void probeWebapps(List<Endpoints.Endpoint> webapp) {
    WebappSession member = new WebappSession(port);
    assertThat(member.signIn("member1", "tasklist")).isEqualTo(200);
    for (Endpoints.Endpoint e : webapp) {
      String engineCopy = "/camunda/api/engine/engine/{name}";
      String path = e.template().startsWith(engineCopy + "/")
          ? "/camunda/api/engine/engine/default" + engineAddress("/engine-rest" + e.template().substring(
              engineCopy.length())).substring("/engine-rest".length())
          : e.template().replace("{engine}", "default").replace("{engineName}", "default")
              .replace("{name}", "default").replace("{varName}", FOREIGN).replaceAll("\\{[^}/]+}", "authz-none");
      Body body = e.read() ? null : body(e.body(), "member1");
      String json = body == null ? (e.method().equals("GET") ? null : "{}") : body.json();
      judge(e, Role.ANONYMOUS, send(Role.ANONYMOUS, e.method(), path, json),
          PUBLIC.stream().noneMatch(p -> p.matcher(e.toString()).matches()));
      boolean othersApp = path.startsWith("/camunda/api/cockpit/") || path.startsWith("/camunda/api/admin/")
          && !path.startsWith("/camunda/api/admin/auth/");
      if (!e.read() || othersApp && !path.contains("/static/") && !path.contains("/assets/")) {
        HttpResponse<String> answer = member.send(e.method(), path, json == null ? null : "application/json", json);
        boolean allowed = !e.read() && body != null && !body.variables()
            && WRITES.getOrDefault(e.method() + " " + path.replaceFirst("^/camunda/api/engine/engine/default", "")
                .replace(task, "{id}"), Set.of()).contains(Role.MEMBER)
            || e.toString().matches("^POST /camunda/api/admin/auth/user/\\{engine}/(login/\\{appName}|logout)$");
        judge(e, Role.MEMBER, status(answer), !allowed);
        if (answer.statusCode() / 100 == 2) {
          restore();
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ judging

  private String send(Role role, String method, String path, String json) {
    HttpResponse<String> response = http.send(method, path, role.user, json == null ? null : "application/json",
        json);
    if (response.statusCode() / 100 == 2 && role != Role.ANONYMOUS) {
      restore();
    }
    return status(response);
  }

  /** Undoes what a granted write may have changed on the shared target: member1 keeps their task. */
  private void restore() {
    if (taskService.createTaskQuery().taskId(task).count() == 1) {
      taskService.setAssignee(task, "member1");
    }
    if (managementService.createJobDefinitionQuery().jobDefinitionId(jobDefinition).suspended().count() > 0) {
      managementService.activateJobDefinitionById(jobDefinition, true);
    }
  }

  private void judge(Endpoints.Endpoint e, Role role, String answer, boolean mustRefuse) {
    cases++;
    perDoor.merge(e.door(), 1, Integer::sum);
    boolean granted = e.template().startsWith("/app") && !e.method().equals("GET") ? answer.equals("302")
        : answer.startsWith("2") || answer.equals("302");
    if (mustRefuse && granted) {
      wrongGrants++;
      grants.add(e + " as " + (role.user == null ? "anonymous" : role.user) + ": " + answer);
    }
  }

  private static String status(HttpResponse<String> response) {
    return String.valueOf(response.statusCode());
  }

  /** A request body for the endpoint's DTO: foreign variables wherever it carries variables. */
  private record Body(String json, boolean variables) {
  }

  private Body body(Class<?> type, String user, String... variable) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (variable.length == 2) {
      values.put(variable[0], Map.of("value", variable[1]));
    } else {
      values.put(FOREIGN, Map.of("value", "members", "type", "String"));
      values.put("disciplined", Map.of("value", false, "type", "Boolean"));
    }
    if (type == null || type.isPrimitive() || type.getName().startsWith("java.") || type.getName().contains("Multipart")) {
      return new Body(type == null ? null : "{}", false);
    }
    if (type.getSimpleName().equals("VariableValueDto") || type.getSimpleName().equals("TriggerVariableValueDto")) {
      Map<?, ?> one = (Map<?, ?>) values.values().iterator().next();
      return new Body(write(one), true);
    }
    Map<String, Object> dto = new LinkedHashMap<>();
    boolean variables = false;
    for (Method setter : type.getMethods()) {
      if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1 || setter.getName().length() < 4) {
        continue;
      }
      String property = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
      Class<?> parameter = setter.getParameterTypes()[0];
      String lower = property.toLowerCase(Locale.ROOT);
      if (Map.class.isAssignableFrom(parameter) && (lower.contains("variable") || lower.equals("modifications"))
          && !lower.contains("correlation")) {
        dto.put(property, values);
        variables = true;
      } else if (property.equals("instructions") && Collection.class.isAssignableFrom(parameter)
          && type.getSimpleName().contains("Modification")) {
        dto.put(property, List.of(Map.of("type", "startBeforeActivity", "activityId", "self-review",
            "variables", values)));
        variables = true;
      } else if (property.equals("userId")) {
        dto.put(property, user == null ? "member1" : user);
      } else if (property.equals("messageName")) {
        dto.put(property, "residence-feedback-received");
      } else if (property.equals("businessKey")) {
        dto.put(property, YEAR + ":member1");
      } else if (property.equals("processInstanceId")) {
        dto.put(property, instance);
      }
    }
    return new Body(write(dto), variables);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
