package vn.party.evaluation.feedback;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.messaging.EventTypes;
import vn.party.evaluation.messaging.UnreadableEventException;

/**
 * The residence comment is read like every other inbound fact ({@code EventFields}, issue 15): it read its year by a
 * rule of its own, which took a year written as a decimal ({@code 2025.0}) that the discipline, unit-assessment and
 * complaint handlers refuse.
 */
class ResidenceFeedbackHandlerTest {

  private final ResidenceFeedbackService service = mock(ResidenceFeedbackService.class);
  private final ResidenceFeedbackHandler handler = new ResidenceFeedbackHandler(service);

  @Test
  void aYearWrittenAsADecimalIsRefusedAsEveryFactHandlerRefusesIt() throws Exception {
    CloudEvent event = event("decimal-year-1");
    JsonNode data = data("2025.0");

    assertThatThrownBy(() -> handler.handle(event, data))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("event decimal-year-1: year missing or invalid");
  }

  @Test
  void aWholeYearIsTakenAndHandedToTheService() throws Exception {
    CloudEvent event = event("whole-year-1");
    when(service.receive(any(), any())).thenReturn(true);

    handler.handle(event, data("2025"));

    verify(service)
        .receive(
            event,
            new ResidenceFeedback(
                "member-rf-1", 2025, "Gương mẫu ở nơi cư trú.", "Chi bộ khu phố 3"));
  }

  private static CloudEvent event(String id) {
    return CloudEventBuilder.v1()
        .withId(id)
        .withSource(URI.create("/residence/test"))
        .withType(EventTypes.RESIDENCE_FEEDBACK)
        .build();
  }

  private static JsonNode data(String year) throws Exception {
    return new ObjectMapper()
        .readTree(
            """
            {"memberId":"member-rf-1","year":%s,"comment":"Gương mẫu ở nơi cư trú.","submittedBy":"Chi bộ khu phố 3"}"""
                .formatted(year));
  }
}
