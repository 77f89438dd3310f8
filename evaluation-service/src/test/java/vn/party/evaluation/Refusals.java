package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;
import org.springframework.http.ResponseEntity;

/** What a refusal of bad input is: 400, with the field and the reason among the answer's errors. */
public final class Refusals {

  private Refusals() {}

  /** 400 naming the field with the reason. */
  public static void assertFieldRefused(
      ResponseEntity<String> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(
            StreamSupport.stream(
                    IntegrationTestSupport.json(response.getBody()).get("errors").spliterator(),
                    false)
                .anyMatch(
                    e ->
                        e.get("field").asText().equals(field)
                            && e.get("reason").asText().equals(reason)))
        .as(response.getBody())
        .isTrue();
  }
}
