package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import vn.party.evaluation.unit.UnitController;

/**
 * An endpoint without an operation id (or a JSON body without an example) must not be served undocumented: the
 * document fails, and the message says which method, which mapping and what to add.
 */
class OpenApiDocumentOperationIdTest {

  @RequestMapping("/api/v1/widgets")
  static class WidgetController {
    @PostMapping("/{id}/polish")
    public void polish() {}
  }

  private final OpenApiDocument document = new OpenApiDocument(new ObjectMapper());

  @Test
  void anOperationWithoutAnIdFailsNamingTheMethodAndItsMapping() throws Exception {
    HandlerMethod handler =
        new HandlerMethod(new WidgetController(), WidgetController.class.getMethod("polish"));
    assertThatThrownBy(
            () -> document.contractOfEachOperation().customize(operation(false), handler))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WidgetController#polish")
        .hasMessageContaining("POST /api/v1/widgets/{id}/polish")
        .hasMessageContaining("OpenApiDocument.OPERATION_IDS");
  }

  @Test
  void aKnownOperationGetsItsIdAndAJsonBodyItsExample() throws Exception {
    HandlerMethod handler =
        new HandlerMethod(
            new UnitController(null, null),
            UnitController.class.getMethod(
                "create",
                vn.party.evaluation.unit.UnitApi.NewUnitRequest.class,
                vn.party.evaluation.security.CurrentUser.class));
    Operation operation = document.contractOfEachOperation().customize(operation(true), handler);
    assertThat(operation.getOperationId()).isEqualTo("createUnit");
    assertThat(
            operation.getRequestBody().getContent().get("application/json").getExample().toString())
        .contains("BRANCH");
    assertThat(operation.getResponses())
        .containsKeys("201", "400", "409", "415")
        .doesNotContainKey("200");
  }

  private static Operation operation(boolean body) {
    Operation operation =
        new Operation()
            .responses(
                new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    if (body) {
      operation.requestBody(
          new RequestBody()
              .content(
                  new Content()
                      .addMediaType(
                          "application/json", new MediaType().schema(new ObjectSchema()))));
    }
    return operation;
  }
}
