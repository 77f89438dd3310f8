package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Twelfth session's outsider, LOW 14: the OpenAPI document's generic 400 examples said "Cần nhập selfProposedLevel."
 * and "year không đúng kiểu.", the field by its key. They read as the API answers now: "Trường … là bắt buộc.", the
 * field by its label. Read from docs/openapi.json, which {@link ContractsServedTest} keeps equal to what is served.
 */
class OpenApiExamplesInWordsTest {

  @Test
  void theBadRequestExamplesNameTheFieldByItsLabel() throws IOException {
    JsonNode document =
        new ObjectMapper()
            .readTree(Files.readString(Contracts.REPOSITORY.resolve("docs/openapi.json")));
    List<String> messages = new ArrayList<>();
    document
        .findValues("errors")
        .forEach(errors -> errors.forEach(e -> messages.add(e.path("message").asText())));
    assertThat(messages).isNotEmpty();
    assertThat(messages)
        .noneMatch(m -> m.matches("Cần nhập [A-Za-z]+\\."))
        .noneMatch(m -> m.matches("[A-Za-z]+ không đúng kiểu\\."))
        .contains("Trường Mức xếp loại tự nhận là bắt buộc.")
        .contains(
            "Trường Năm đánh giá sai kiểu dữ liệu: cần một số nguyên, không có dấu ngoặc kép.");
  }
}
