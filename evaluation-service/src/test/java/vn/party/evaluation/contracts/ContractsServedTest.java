package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.IntegrationTestSupport;

/**
 * The contracts as the running service serves them (issue 16): /v3/api-docs is exactly docs/openapi.json (so the
 * committed document, which Redocly lints and the client is generated from, cannot drift from the API) and is
 * complete enough to generate a client from; the AsyncAPI document and the events' schemas are served as kept.
 * After a deliberate API change: {@code mvn -pl evaluation-service -am test -Dtest=ContractsServedTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true} rewrites docs/openapi.json.
 */
class ContractsServedTest extends IntegrationTestSupport {

  private static final Path OPENAPI = Contracts.REPOSITORY.resolve("docs/openapi.json");

  @Test
  void theServedOpenapiDocumentIsTheCommittedOne() throws Exception {
    String served = anonymous().get().uri("/v3/api-docs").retrieve().body(String.class);
    String pretty =
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served)) + "\n";
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(OPENAPI, pretty);
    }
    assertThat(pretty)
        .as(
            "docs/openapi.json differs from /v3/api-docs: rerun this test with -Dopenapi.write=true "
                + "after a deliberate API change")
        .isEqualTo(Files.readString(OPENAPI));
  }

  @Test
  void theOpenapiDocumentDescribesWhatAClientNeeds() {
    JsonNode doc = json(anonymous().get().uri("/v3/api-docs").retrieve().body(String.class));
    assertThat(doc.at("/info/title").asText()).contains("API nghiệp vụ").contains("domain API");
    assertThat(doc.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(doc.at("/info/contact/email").asText()).isNotBlank();
    assertThat(doc.at("/info/license/name").asText()).isNotBlank();
    assertThat(doc.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
    assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
    assertThat(doc.at("/security/0/basicAuth").isArray()).isTrue();
    assertThat(doc.at("/components/schemas/ProblemDetail/properties/errors/items/$ref").asText())
        .isEqualTo("#/components/schemas/FieldProblem");

    Set<String> operationIds = new HashSet<>();
    int operations = 0;
    for (var path :
        (Iterable<java.util.Map.Entry<String, JsonNode>>)
            doc.path("paths").properties()::iterator) {
      for (var method :
          (Iterable<java.util.Map.Entry<String, JsonNode>>)
              path.getValue().properties()::iterator) {
        JsonNode operation = method.getValue();
        String name = method.getKey() + " " + path.getKey();
        operations++;
        assertThat(operationIds.add(operation.path("operationId").asText()))
            .as(name + " unique operationId")
            .isTrue();
        assertThat(operation.path("tags").get(0).asText())
            .as(name + " bilingual tag")
            .contains(" / ");
        for (String status : List.of("401", "403", "503")) {
          assertThat(
                  operation
                      .at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                      .asText())
              .as(name + " " + status)
              .isEqualTo("#/components/schemas/ProblemDetail");
        }
        if (operation.has("requestBody")) {
          operation
              .at("/requestBody/content")
              .forEach(
                  media ->
                      assertThat(media.has("example") || media.has("examples"))
                          .as(name + " request body example")
                          .isTrue());
          JsonNode bad = operation.at("/responses/400/content/application~1problem+json/examples");
          JsonNode error = bad.elements().next().at("/value/errors/0");
          assertThat(error.path("field").asText()).as(name).isNotBlank();
          assertThat(error.path("reason").asText()).as(name).isNotBlank();
        }
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(39);
  }

  @Test
  void a401IsAProblemDocumentWithTheBasicChallenge() {
    var response = anonymous().get().uri("/api/v1/tasks").retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(json(response.getBody()).path("status").asInt()).isEqualTo(401);
    // in Vietnamese unless the caller asks for English, as the document's examples say
    assertThat(json(response.getBody()).path("detail").asText())
        .isEqualTo("Cần đăng nhập (HTTP Basic) để dùng API.");
    var english =
        anonymous()
            .get()
            .uri("/api/v1/tasks")
            .header("Accept-Language", "en")
            .retrieve()
            .toEntity(String.class);
    assertThat(json(english.getBody()).path("detail").asText())
        .isEqualTo("Sign in (HTTP Basic) to use the API.");
  }

  /** A strict client generated from the document reads the nulls the views show ("not on file"). */
  @Test
  void theViewsThatShowNullSaySoInTheDocument() {
    JsonNode doc = json(anonymous().get().uri("/v3/api-docs").retrieve().body(String.class));
    JsonNode unit = doc.at("/components/schemas/UnitView/properties");
    for (String field :
        List.of("parentId", "organizationId", "openedOn", "dissolvedOn", "mergedInto")) {
      assertThat(unit.path(field).path("type").toString()).as(field).contains("\"null\"");
    }
    assertThat(doc.at("/components/schemas/MemberRosterView/properties/exempted/type").asText())
        .isEqualTo("boolean");
    assertThat(
            doc.at("/paths/~1api~1v1~1tasks/get/responses/429/headers/Retry-After").isMissingNode())
        .isFalse();
  }

  @Test
  void theAsyncapiDocumentAndTheSchemasAreServedAsKept() throws Exception {
    var doc = anonymous().get().uri("/asyncapi/asyncapi.yaml").retrieve().toEntity(byte[].class);
    assertThat(doc.getStatusCode().value()).isEqualTo(200);
    assertThat(doc.getBody())
        .isEqualTo(Files.readAllBytes(Contracts.ASYNCAPI_DIR.resolve("asyncapi.yaml")));
    for (String type : Contracts.messages().keySet()) {
      var schema =
          anonymous()
              .get()
              .uri("/asyncapi/schemas/{file}", type + ".json")
              .retrieve()
              .toEntity(byte[].class);
      assertThat(schema.getStatusCode().value()).as(type).isEqualTo(200);
      assertThat(schema.getBody())
          .isEqualTo(Files.readAllBytes(Contracts.SCHEMAS.resolve(type + ".json")));
    }
  }
}
