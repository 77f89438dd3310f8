package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the build runs, so {@code docker-compose.yml} is checked by reading it: every name it
 * shares with the services (ports, database, Kafka listener, SMTP port, configuration keys, jar names) must agree with
 * the services' own {@code application.yml} and poms. A renamed property or a moved port breaks this test.
 */
class DockerComposeConsistencyTest {

  static final String POSTGRES = "postgres";
  static final String KAFKA = "kafka";
  static final String MAILPIT = "mailpit";
  static final String EVALUATION = ServiceJars.EVALUATION_SERVICE;
  static final String NOTIFICATION = ServiceJars.NOTIFICATION_SERVICE;
  static final List<String> APPS = List.of(EVALUATION, NOTIFICATION);
  static final String JAR_IN_CONTAINER = "/app/app.jar";

  /** Environment prefixes that configure the applications through Spring's relaxed binding. */
  static final List<String> SPRING_ENV_PREFIXES =
      List.of("SPRING_", "SERVER_", "MANAGEMENT_", "EVALUATION_", "NOTIFICATION_", "CAMUNDA_");

  /** Keys Spring Boot itself reads that no application.yml needs to declare. */
  static final Set<String> BOOT_KEYS =
      Set.of(
          "spring.profiles.active",
          "server.address",
          "spring.kafka.security.protocol",
          "spring.kafka.properties.sasl.mechanism",
          "spring.kafka.properties.sasl.jaas.config");

  /**
   * Secrets that have no default in any application.yml, by design (issue 12): each service refuses to start
   * without them ({@code OnBehalfSecretCheck}).
   */
  static final Set<String> REQUIRED_WITHOUT_DEFAULT =
      Set.of("evaluation.notifications.on-behalf-secret", "notification.on-behalf.secret");

  static Path root;
  static Map<String, Object> services;
  static final Map<String, Map<String, Object>> appYaml = new LinkedHashMap<>();
  static final Map<String, Map<String, String>> appProperties = new LinkedHashMap<>();

  @BeforeAll
  static void load() throws IOException {
    root = ServiceJars.repositoryRoot();
    Map<String, Object> compose = readYaml(root.resolve("docker-compose.yml"));
    services = map(compose.get("services"), "services");
    for (String app : APPS) {
      Path yml = root.resolve(app).resolve("src/main/resources/application.yml");
      assertThat(yml).as("application.yml of " + app).isRegularFile();
      Map<String, Object> yaml = readYaml(yml);
      appYaml.put(app, yaml);
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", yaml, flat);
      appProperties.put(app, flat);
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  void theFiveServicesAndNoZooKeeper() {
    assertThat(services).containsKeys(POSTGRES, KAFKA, MAILPIT, EVALUATION, NOTIFICATION);
    services.forEach(
        (name, definition) -> {
          assertThat(name.toLowerCase(Locale.ROOT)).doesNotContain("zookeeper");
          assertThat(String.valueOf(map(definition, name).get("image")).toLowerCase(Locale.ROOT))
              .doesNotContain("zookeeper");
          assertThat(env(name).keySet()).noneMatch(k -> k.contains("ZOOKEEPER"));
        });
  }

  @Test
  void kafkaRunsInKraftModeAndListensWhereTheAppsConnect() {
    Map<String, String> kafka = env(KAFKA);
    assertThat(Set.of(kafka.get("KAFKA_PROCESS_ROLES").replace(" ", "").split(",")))
        .containsExactlyInAnyOrder("broker", "controller");
    String nodeId = kafka.get("KAFKA_NODE_ID");
    assertThat(nodeId).as("KAFKA_NODE_ID").isNotBlank();

    Map<String, URI> listeners = listeners(kafka.get("KAFKA_LISTENERS"));
    Map<String, URI> advertised = listeners(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
    Set<String> protocolMapNames = new LinkedHashSet<>();
    for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
      protocolMapNames.add(entry.trim().split(":")[0]);
    }
    assertThat(protocolMapNames).containsAll(listeners.keySet());

    // the controller quorum is this node, on the controller listener
    String controllerName = kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES");
    assertThat(listeners).containsKey(controllerName);
    assertThat(advertised).doesNotContainKey(controllerName);
    assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
        .isEqualTo(nodeId + "@" + KAFKA + ":" + listeners.get(controllerName).getPort());
    assertThat(listeners).containsKey(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME"));

    // one broker: replication factors of internal topics must be 1
    assertThat(kafka.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
    assertThat(kafka.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo("1");
    assertThat(kafka.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo("1");

    for (String app : APPS) {
      String bootstrap = env(app).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
      assertThat(bootstrap).as(app + " SPRING_KAFKA_BOOTSTRAP_SERVERS").isNotBlank();
      for (String server : bootstrap.split(",")) {
        String name =
            advertised.entrySet().stream()
                .filter(
                    e ->
                        (e.getValue().getHost() + ":" + e.getValue().getPort())
                            .equals(server.trim()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            app
                                + " connects to "
                                + server
                                + " but Kafka advertises only "
                                + advertised));
        assertThat(listeners).as("KAFKA_LISTENERS has the listener " + name).containsKey(name);
        assertThat(listeners.get(name).getPort())
            .as(app + " uses listener " + name + " on its port")
            .isEqualTo(advertised.get(name).getPort());
        assertThat(advertised.get(name).getHost()).isEqualTo(KAFKA);
      }
      assertThat(dependsOnHealthy(app)).contains(KAFKA);
    }

    // every listener advertised as localhost is published on the host at that port
    List<int[]> published = publishedPorts(KAFKA);
    advertised.forEach(
        (name, uri) -> {
          if ("localhost".equals(uri.getHost())) {
            assertThat(published)
                .as("host port " + uri.getPort() + " -> container " + listeners.get(name).getPort())
                .anyMatch(p -> p[0] == uri.getPort() && p[1] == listeners.get(name).getPort());
          }
        });
  }

  @Test
  void postgresDatabaseAndUserMatchTheApps() {
    Map<String, String> pg = env(POSTGRES);
    String db = pg.get("POSTGRES_DB");
    String user = pg.get("POSTGRES_USER");
    assertThat(db).isEqualTo(LocalInfrastructure.DATABASE);
    assertThat(user).isEqualTo(LocalInfrastructure.DB_USER);
    assertThat(pg.get("POSTGRES_PASSWORD"))
        .as("from .env, no default")
        .startsWith("${POSTGRES_PASSWORD:?");
    for (String app : APPS) {
      Map<String, String> env = env(app);
      Jdbc url = Jdbc.parse(env.get("SPRING_DATASOURCE_URL"));
      assertThat(url.host()).as(app + " database host").isEqualTo(POSTGRES);
      assertThat(url.port()).as(app + " database port (the postgres image's)").isEqualTo(5432);
      assertThat(url.database()).as(app + " database").isEqualTo(db);
      assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(app + " database user").isEqualTo(user);
      assertThat(env.get("SPRING_DATASOURCE_PASSWORD"))
          .as(app + " database password")
          .isEqualTo(pg.get("POSTGRES_PASSWORD"));
      // and the app's own defaults name the same database and user
      Map<String, String> props = appProperties.get(app);
      assertThat(Jdbc.parse(props.get("spring.datasource.url")).database())
          .as(app + " application.yml database")
          .isEqualTo(db);
      assertThat(props.get("spring.datasource.username"))
          .as(app + " application.yml user")
          .isEqualTo(user);
      assertThat(dependsOnHealthy(app)).contains(POSTGRES);
    }
  }

  @Test
  void appsPublishTheirServerPort() {
    for (String app : APPS) {
      int serverPort = Integer.parseInt(appProperties.get(app).get("server.port"));
      assertThat(publishedPorts(app))
          .as(app + " ports")
          .hasSize(1)
          .allMatch(
              p -> p[0] == serverPort && p[1] == serverPort,
              "host and container port " + serverPort);
      assertThat(env(app))
          .as(app + " must not move its port away from application.yml")
          .doesNotContainKey("SERVER_PORT");
    }
    assertThat(Integer.parseInt(appProperties.get(EVALUATION).get("server.port"))).isEqualTo(8080);
    assertThat(Integer.parseInt(appProperties.get(NOTIFICATION).get("server.port")))
        .isEqualTo(8081);
  }

  @Test
  void everyAppEnvironmentVariableBindsToAPropertyOfItsApplicationYml() {
    for (String app : APPS) {
      Set<String> properties = appProperties.get(app).keySet();
      List<String> unbound = new ArrayList<>();
      for (String key : env(app).keySet()) {
        if (SPRING_ENV_PREFIXES.stream().noneMatch(key::startsWith)) {
          continue;
        }
        boolean bound =
            BOOT_KEYS.stream().anyMatch(p -> bindsTo(key, p))
                || REQUIRED_WITHOUT_DEFAULT.stream().anyMatch(p -> bindsTo(key, p))
                || properties.stream().anyMatch(p -> bindsTo(key, p));
        if (!bound) {
          unbound.add(key);
        }
      }
      assertThat(unbound)
          .as(
              app
                  + ": environment keys with no matching property in application.yml "
                  + "(renamed property?)")
          .isEmpty();
    }
  }

  @Test
  void theDemoProfileIsOnlyOnEvaluationService() {
    assertThat(env(EVALUATION)).containsEntry("SPRING_PROFILES_ACTIVE", "demo");
    assertThat(env(NOTIFICATION)).doesNotContainKey("SPRING_PROFILES_ACTIVE");
  }

  @Test
  void notificationServiceMailsToMailpitAndAsksEvaluationServiceForIdentities() {
    Map<String, String> env = env(NOTIFICATION);
    assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo(MAILPIT);
    int mailpitSmtp = 1025; // mailpit's default SMTP port
    String bind = env(MAILPIT).get("MP_SMTP_BIND_ADDR");
    if (bind != null) {
      mailpitSmtp = Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
    }
    assertThat(Integer.parseInt(env.get("SPRING_MAIL_PORT"))).isEqualTo(mailpitSmtp);
    assertThat(publishedPorts(MAILPIT)).anyMatch(p -> p[1] == 1025).anyMatch(p -> p[1] == 8025);
    assertThat(dependsOnHealthy(NOTIFICATION)).contains(MAILPIT, EVALUATION);

    URI identity = URI.create(env.get("NOTIFICATION_IDENTITY_URL"));
    assertThat(identity.getHost()).isEqualTo(EVALUATION);
    assertThat(identity.getPort())
        .isEqualTo(Integer.parseInt(appProperties.get(EVALUATION).get("server.port")));

    assertThat(URI.create(env(EVALUATION).get("EVALUATION_PUBLIC_URL")).getPort())
        .isEqualTo(Integer.parseInt(appProperties.get(EVALUATION).get("server.port")));
    assertThat(URI.create(env.get("NOTIFICATION_PUBLIC_URL")).getPort())
        .isEqualTo(Integer.parseInt(appProperties.get(NOTIFICATION).get("server.port")));
  }

  @Test
  void mountedJarsAreTheModulesExecJars() {
    String version = ServiceJars.projectVersion(root);
    for (String app : APPS) {
      Map<String, Object> service = map(services.get(app), app);
      assertThat(strings(service.get("command")))
          .as(app + " command")
          .contains("-jar", JAR_IN_CONTAINER);
      Map<String, Object> mount =
          volumes(app).stream()
              .filter(v -> JAR_IN_CONTAINER.equals(v.get("target")))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError(app + " mounts nothing at " + JAR_IN_CONTAINER));
      assertThat(mount.get("type")).isEqualTo("bind");
      assertThat(mount.get("read_only")).isEqualTo(Boolean.TRUE);

      Path source = Path.of(String.valueOf(mount.get("source"))).normalize();
      assertThat(source.getNameCount()).isEqualTo(3);
      String module = source.getName(0).toString();
      assertThat(source.getName(1).toString()).isEqualTo("target");
      Path modulePom = root.resolve(module).resolve("pom.xml");
      assertThat(modulePom).as("module " + module).isRegularFile();

      Document pom = ServiceJars.readXml(modulePom);
      String artifactId = ServiceJars.projectChild(pom, "artifactId");
      assertThat(artifactId).isEqualTo(app);
      assertThat(parentVersion(pom)).isEqualTo(version);
      assertThat(execClassifier(pom))
          .as(module + " repackages with classifier")
          .isEqualTo(ServiceJars.CLASSIFIER);
      assertThat(source.getFileName().toString())
          .isEqualTo(ServiceJars.jarFileName(artifactId, version));
      assertThat(ServiceJars.at(root).expectedJar(app)).isEqualTo(root.resolve(source));
    }
  }

  @Test
  void everyHealthyDependencyHasAHealthcheckAndAppsProbeTheirOwnPort() {
    services
        .keySet()
        .forEach(
            name ->
                dependsOnHealthy(name)
                    .forEach(
                        dependency -> {
                          Object healthcheck =
                              map(services.get(dependency), dependency).get("healthcheck");
                          assertThat(healthcheck)
                              .as(
                                  dependency
                                      + " healthcheck (a dependency waits for service_healthy)")
                              .isNotNull();
                          assertThat(map(healthcheck, dependency).get("test")).isNotNull();
                        }));
    for (String app : APPS) {
      String port = appProperties.get(app).get("server.port");
      String test =
          String.join(
              " ", strings(map(map(services.get(app), app).get("healthcheck"), app).get("test")));
      assertThat(test)
          .contains("/" + port)
          .contains("/actuator/health")
          .contains("\"status\":\"UP\"");
    }
  }

  // ------------------------------------------------------------------ secrets (issue 12)

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?([^}]*)}");

  /**
   * Every secret of the compose file comes from {@code .env}: each {@code ${VAR}} in it is required
   * ({@code ${VAR:?message}}, no default), and each is listed, without a value, in the committed
   * {@code .env.example}; {@code .env} itself is git-ignored. Both services get the same on-behalf secret.
   */
  @Test
  void secretsComeFromTheEnvFileWithoutDefaults() throws IOException {
    String compose = Files.readString(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    Set<String> used = new TreeSet<>();
    for (String line : compose.split("\n")) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      Matcher m = VARIABLE.matcher(line);
      while (m.find()) {
        assertThat(m.group(2))
            .as("${" + m.group(1) + "} must be required (:?), never defaulted: " + line.strip())
            .isEqualTo(":?");
        assertThat(m.group(3)).as("the message names .env.example").contains(".env");
        used.add(m.group(1));
      }
    }
    assertThat(used).contains("POSTGRES_PASSWORD", "ON_BEHALF_SECRET");

    Path example = root.resolve(".env.example");
    assertThat(example).as(".env.example is committed beside docker-compose.yml").isRegularFile();
    Map<String, String> listed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(example, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        int eq = line.indexOf('=');
        assertThat(eq).as(".env.example line " + line).isPositive();
        listed.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    assertThat(listed.keySet())
        .as("every variable docker-compose.yml needs is in .env.example")
        .containsExactlyInAnyOrderElementsOf(used);
    assertThat(listed.values())
        .as(".env.example carries no value (each installation makes its own)")
        .allMatch(String::isEmpty);
    assertThat(Files.readAllLines(root.resolve(".gitignore")))
        .as(".env is git-ignored")
        .contains(".env");

    assertThat(env(EVALUATION).get("EVALUATION_NOTIFICATIONS_ON_BEHALF_SECRET"))
        .isEqualTo(env(NOTIFICATION).get("NOTIFICATION_ON_BEHALF_SECRET"))
        .startsWith("${ON_BEHALF_SECRET:?");
  }

  // ------------------------------------------------------------------ Kafka authentication (issue
  // 12)

  static final String KAFKA_SETUP = "kafka-setup";
  static final Set<String> AUTHENTICATED = Set.of("SASL_PLAINTEXT", "SASL_SSL", "SSL");

  /** Every listener authenticates, ACLs decide, nobody is trusted by default, and topics are not made on first use. */
  @Test
  void kafkaAuthenticatesEveryClientAndAuthorizesByAcl() {
    Map<String, String> kafka = env(KAFKA);
    for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
      String[] nameAndProtocol = entry.trim().split(":");
      assertThat(AUTHENTICATED)
          .as("listener " + nameAndProtocol[0] + " authenticates")
          .contains(nameAndProtocol[1]);
    }
    assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"))
        .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
    assertThat(kafka.get("KAFKA_SUPER_USERS")).isEqualTo("User:admin");
    assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    // the super user's own listener is not published on the host
    Map<String, URI> listeners = listeners(kafka.get("KAFKA_LISTENERS"));
    int brokerPort = listeners.get(kafka.get("KAFKA_INTER_BROKER_LISTENER_NAME")).getPort();
    assertThat(publishedPorts(KAFKA)).noneMatch(p -> p[1] == brokerPort);
    for (String name : listeners.keySet()) {
      String prefix = "KAFKA_LISTENER_NAME_" + name + "_";
      assertThat(kafka.get(prefix + "SASL_ENABLED_MECHANISMS"))
          .as(name + " mechanisms")
          .isNotBlank();
    }
  }

  /** Each service signs in to Kafka as its own SCRAM principal, with the password from .env. */
  @Test
  void eachServiceHasItsOwnKafkaPrincipal() {
    for (String app : APPS) {
      Map<String, String> env = env(app);
      assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(app).isIn(AUTHENTICATED);
      assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM"))
          .as(app)
          .isEqualTo("SCRAM-SHA-512");
      String jaas = env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
      assertThat(jaas)
          .as(app)
          .contains("ScramLoginModule required")
          .contains("username=\"" + app + "\"")
          .contains("password=\"${" + passwordVariable(app) + ":?");
      assertThat(dependsOn(app, KAFKA_SETUP))
          .as(app + " starts after kafka-setup")
          .isEqualTo("service_completed_successfully");
    }
    assertThat(env(EVALUATION))
        .as("docker-compose believes outside producers only on their own topics")
        .containsEntry("EVALUATION_KAFKA_SHARED_TOPIC_TRUSTED", "false");
  }

  /**
   * The ACLs (docker/kafka/acls.txt) say what issue 12 asks: only evaluation-service writes {@code evaluation.events};
   * each outside producer of evaluation-service's {@code evaluation.kafka.producers} — and nobody else — writes its
   * own topic; nobody writes the shared inbound topic; every principal has its password in kafka-setup's
   * environment; every topic named exists in topics.txt.
   */
  @Test
  @SuppressWarnings("unchecked")
  void topicAclsGiveEachProducerItsOwnTopic() throws IOException {
    List<String[]> acls = table(root.resolve("docker/kafka/acls.txt"));
    Set<String> topics = new TreeSet<>();
    table(root.resolve("docker/kafka/topics.txt")).forEach(row -> topics.add(row[0]));
    Map<String, Set<String>> writers = new LinkedHashMap<>();
    for (String[] acl : acls) {
      assertThat(acl[1]).as(String.join(" ", acl)).isIn("produce", "consume");
      assertThat(acl[2].endsWith("*") || topics.contains(acl[2]))
          .as(acl[2] + " in topics.txt")
          .isTrue();
      if (acl[1].equals("produce")) {
        assertThat(acl[2]).as("a writer's topic is named exactly").doesNotEndWith("*");
        writers.computeIfAbsent(acl[2], t -> new TreeSet<>()).add(acl[0]);
      } else {
        assertThat(acl).as("a consumer names its group").hasSize(4);
      }
    }
    assertThat(writers.get("evaluation.events")).containsExactly(EVALUATION);
    assertThat(writers).doesNotContainKey("party.member-events");

    Map<String, Object> producers =
        (Map<String, Object>)
            map(
                map(
                        map(appYaml.get(EVALUATION).get("evaluation"), "evaluation").get("kafka"),
                        "evaluation.kafka")
                    .get("producers"),
                "evaluation.kafka.producers");
    assertThat(producers).isNotEmpty();
    producers.forEach(
        (principal, definition) -> {
          String topic = String.valueOf(map(definition, principal).get("topic"));
          assertThat(topics).as(principal + "'s topic exists").contains(topic);
          assertThat(writers.get(topic))
              .as("only " + principal + " writes " + topic)
              .containsExactly(principal);
        });
    assertThat(topics)
        .as("topics.txt has each inbound topic of the service")
        .contains(LocalInfrastructure.TOPICS.toArray(String[]::new));

    Map<String, String> setup = env(KAFKA_SETUP);
    acls.stream()
        .map(acl -> acl[0])
        .distinct()
        .forEach(
            principal ->
                assertThat(setup.get(passwordVariable(principal)))
                    .as(principal + "'s password")
                    .startsWith("${" + passwordVariable(principal) + ":?"));
    assertThat(setup.get("BROKER_ADMIN_PASSWORD"))
        .isEqualTo(env(KAFKA).get("BROKER_ADMIN_PASSWORD"));
    assertThat(dependsOn(KAFKA_SETUP, KAFKA)).isEqualTo("service_healthy");
  }

  /** {@code KAFKA_<PRINCIPAL>_PASSWORD}, the name docker/kafka/setup.sh reads. */
  static String passwordVariable(String principal) {
    return "KAFKA_" + principal.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
  }

  /** Whitespace-separated rows of a text file, without comments and blank lines. */
  static List<String[]> table(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.strip().startsWith("#")) {
        rows.add(line.strip().split("\\s+"));
      }
    }
    return rows;
  }

  /** The condition under which {@code service} waits for {@code dependency}, or null. */
  static String dependsOn(String service, String dependency) {
    Object dependsOn = map(services.get(service), service).get("depends_on");
    if (dependsOn instanceof Map<?, ?> m && m.get(dependency) instanceof Map<?, ?> c) {
      return String.valueOf(c.get("condition"));
    }
    return null;
  }

  // ------------------------------------------------------------------ Compose Specification

  /**
   * The file is a valid Compose file: it validates against the Compose Specification's JSON schema (committed under
   * test resources, compose-spec/README.md says where it comes from). A misspelt key fails here, not at
   * {@code docker compose up}.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theComposeFileValidatesAgainstTheComposeSpecification() throws IOException {
    assertThat(DockerComposeConsistencyTest.class.getResource("/compose-spec/compose-spec.json"))
        .as("compose-spec.json on the test class path")
        .isNotNull();
    // loaded by location: the schema's relative $id resolves against it
    com.networknt.schema.JsonSchema schema =
        com.networknt.schema.JsonSchemaFactory.getInstance(
                com.networknt.schema.SpecVersion.VersionFlag.V7)
            .getSchema(
                com.networknt.schema.SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Map<String, Object> compose = readYaml(root.resolve("docker-compose.yml"));
    assertThat(schema.validate(json.valueToTree(compose)))
        .as("docker-compose.yml against the Compose schema")
        .isEmpty();

    // and the check can fail: a misspelt key and a wrong type are found
    Map<String, Object> broken = readYaml(root.resolve("docker-compose.yml"));
    ((Map<String, Object>) map(map(broken.get("services"), "services").get(KAFKA), KAFKA))
        .put("helthcheck", Map.of("test", List.of("CMD", "true")));
    ((Map<String, Object>) map(map(broken.get("services"), "services").get(MAILPIT), MAILPIT))
        .put("ports", 8025);
    assertThat(schema.validate(json.valueToTree(broken))).hasSizeGreaterThanOrEqualTo(2);
  }

  // ------------------------------------------------------------------ relaxed binding

  /**
   * Whether environment variable {@code env} sets property {@code property}, as Spring Boot's
   * SystemEnvironmentPropertyMapper sees it: the canonical form drops dashes ({@code EVALUATION_PUBLICURL}), the
   * legacy form, also accepted, turns them into underscores ({@code EVALUATION_PUBLIC_URL}).
   */
  static boolean bindsTo(String env, String property) {
    String p = property.replaceAll("\\[\\d+]", "");
    String canonical = p.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    String legacy = p.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    return env.equals(canonical) || env.equals(legacy);
  }

  @Test
  void relaxedBindingRule() {
    assertThat(bindsTo("SPRING_KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers"))
        .isTrue();
    assertThat(bindsTo("SPRING_KAFKA_BOOTSTRAPSERVERS", "spring.kafka.bootstrap-servers")).isTrue();
    assertThat(bindsTo("EVALUATION_PUBLIC_URL", "evaluation.public-url")).isTrue();
    assertThat(bindsTo("EVALUATION_PUBLIC_URL", "evaluation.publicurl")).isFalse();
    assertThat(bindsTo("SPRING_MAIL_PORT", "spring.mail.host")).isFalse();
    assertThat(bindsTo("NOTIFICATION_IDENTITY_URL", "notification.identity-url")).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  @SuppressWarnings("unchecked")
  static Map<String, Object> readYaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = new Yaml().load(reader);
      return loaded == null ? Map.of() : (Map<String, Object>) loaded;
    }
  }

  @SuppressWarnings("unchecked")
  static void flatten(String prefix, Object node, Map<String, String> out) {
    if (node instanceof Map<?, ?> m) {
      ((Map<Object, Object>) m)
          .forEach(
              (k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
      }
      if (list.isEmpty()) {
        out.put(prefix, "");
      }
    } else {
      out.put(prefix, node == null ? null : String.valueOf(node));
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String what) {
    assertThat(node).as(what).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  static List<String> strings(Object node) {
    if (node instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return node == null ? List.of() : List.of(String.valueOf(node));
  }

  /** The environment of a service, map or list syntax, values as strings. */
  static Map<String, String> env(String service) {
    Object environment = map(services.get(service), service).get("environment");
    Map<String, String> env = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String s = String.valueOf(entry);
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return env;
  }

  /** {@code [hostPort, containerPort]} pairs, short ("[ip:]host:container[/proto]") or long syntax. */
  static List<int[]> publishedPorts(String service) {
    Object ports = map(services.get(service), service).get("ports");
    List<int[]> result = new ArrayList<>();
    if (ports == null) {
      return result;
    }
    for (Object entry : (List<?>) ports) {
      if (entry instanceof Map<?, ?> m) {
        result.add(
            new int[] {
              Integer.parseInt(String.valueOf(m.get("published"))),
              Integer.parseInt(String.valueOf(m.get("target")))
            });
      } else {
        String s = String.valueOf(entry).replaceAll("/(tcp|udp)$", "");
        String[] parts = s.split(":");
        int container = Integer.parseInt(parts[parts.length - 1]);
        int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : container;
        result.add(new int[] {host, container});
      }
    }
    return result;
  }

  /** Long-syntax volumes (short-syntax ones are turned into type/source/target maps). */
  static List<Map<String, Object>> volumes(String service) {
    Object volumes = map(services.get(service), service).get("volumes");
    List<Map<String, Object>> result = new ArrayList<>();
    if (volumes == null) {
      return result;
    }
    for (Object entry : (List<?>) volumes) {
      if (entry instanceof Map<?, ?>) {
        result.add(map(entry, service + " volume"));
      } else {
        String[] parts = String.valueOf(entry).split(":");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", parts[0].startsWith(".") || parts[0].startsWith("/") ? "bind" : "volume");
        v.put("source", parts[0]);
        v.put("target", parts.length > 1 ? parts[1] : parts[0]);
        v.put("read_only", parts.length > 2 && Arrays.asList(parts[2].split(",")).contains("ro"));
        result.add(v);
      }
    }
    return result;
  }

  /** Services {@code service} waits for with {@code condition: service_healthy}. */
  static Set<String> dependsOnHealthy(String service) {
    Object dependsOn = map(services.get(service), service).get("depends_on");
    Set<String> healthy = new TreeSet<>();
    if (dependsOn instanceof Map<?, ?> m) {
      m.forEach(
          (name, cond) -> {
            if (cond instanceof Map<?, ?> c && "service_healthy".equals(c.get("condition"))) {
              healthy.add(String.valueOf(name));
            }
          });
    }
    return healthy;
  }

  /** {@code NAME://host:port,...} in order; an empty host (bind all) becomes {@code 0.0.0.0}. */
  static Map<String, URI> listeners(String spec) {
    assertThat(spec).isNotBlank();
    Map<String, URI> result = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      int sep = e.indexOf("://");
      String name = e.substring(0, sep);
      String hostPort = e.substring(sep + 3);
      if (hostPort.startsWith(":")) {
        hostPort = "0.0.0.0" + hostPort;
      }
      result.put(name, URI.create("tcp://" + hostPort));
    }
    return result;
  }

  static String parentVersion(Document pom) {
    NodeList parents = pom.getDocumentElement().getElementsByTagName("parent");
    assertThat(parents.getLength()).isEqualTo(1);
    NodeList versions = ((Element) parents.item(0)).getElementsByTagName("version");
    return versions.item(0).getTextContent().trim();
  }

  /** The classifier of the spring-boot-maven-plugin repackage execution, or null. */
  static String execClassifier(Document pom) {
    NodeList plugins = pom.getDocumentElement().getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      NodeList artifactIds = plugin.getElementsByTagName("artifactId");
      if (artifactIds.getLength() > 0
          && "spring-boot-maven-plugin".equals(artifactIds.item(0).getTextContent().trim())) {
        NodeList classifiers = plugin.getElementsByTagName("classifier");
        return classifiers.getLength() == 0 ? null : classifiers.item(0).getTextContent().trim();
      }
    }
    return null;
  }

  record Jdbc(String host, int port, String database) {
    private static final Pattern URL =
        Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    static Jdbc parse(String url) {
      assertThat(url).isNotNull();
      Matcher m = URL.matcher(url);
      assertThat(m.matches()).as("PostgreSQL JDBC URL: " + url).isTrue();
      return new Jdbc(
          m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3));
    }
  }
}
