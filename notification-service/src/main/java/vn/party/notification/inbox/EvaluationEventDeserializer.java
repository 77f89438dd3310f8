package vn.party.notification.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record of {@code evaluation.events} into an {@link InboundEvent}, checking everything the
 * contract promises. Whatever cannot be read fails here with an {@link InvalidEventException}, so
 * (wrapped by {@code ErrorHandlingDeserializer}) it goes straight to the dead-letter topic
 * instead of being retried.
 */
public class EvaluationEventDeserializer implements Deserializer<InboundEvent> {

  private static final String CONTENT_TYPE = "content-type";
  private static final String CE_SPECVERSION = "ce_specversion";

  private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();
  private final EventFormat jsonFormat;
  private final ObjectMapper objectMapper;
  private final Validator validator;
  private final ZoneId zone;

  public EvaluationEventDeserializer(ObjectMapper objectMapper, Validator validator, ZoneId zone) {
    this.objectMapper = objectMapper;
    this.validator = validator;
    this.zone = zone;
    this.jsonFormat = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    if (jsonFormat == null) {
      throw new IllegalStateException(
          "CloudEvents JSON format (cloudevents-json-jackson) is not on the classpath");
    }
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    cloudEvents.configure(configs, isKey);
  }

  @Override
  public InboundEvent deserialize(String topic, byte[] data) {
    return deserialize(topic, new RecordHeaders(), data);
  }

  @Override
  public InboundEvent deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      throw new InvalidEventException("record has no value");
    }
    CloudEvent event = read(topic, headers, data);
    if (event.getSpecVersion() != SpecVersion.V1) {
      throw new InvalidEventException("specversion " + event.getSpecVersion() + " is not 1.0");
    }
    // the attributes first: the id and source are what the inbox remembers the event by
    List<String> attributes = EventAttributes.problems(event);
    if (!attributes.isEmpty()) {
      throw new InvalidEventException(
          "CloudEvent attributes the API refuses: " + String.join("; ", attributes));
    }
    String contentType = event.getDataContentType();
    if (contentType != null && !isJson(contentType)) {
      throw new InvalidEventException("datacontenttype " + contentType + " is not JSON");
    }
    EventPayload payload =
        switch (event.getType()) {
          case EventTypes.TASK_ASSIGNED -> normalise(readData(event, TaskAssignedData.class));
          case EventTypes.TASK_REMINDER -> normalise(readData(event, TaskReminderData.class));
          case EventTypes.TASK_OVERDUE -> normalise(readData(event, TaskOverdueData.class));
          case EventTypes.CASE_RETURNED -> check(event, readData(event, CaseReturnedData.class));
          case EventTypes.MEMBER_DECIDED -> readData(event, MemberDecidedData.class);
          case EventTypes.RESULT_ANNOUNCED ->
              normalise(event, readData(event, ResultAnnouncedData.class));
          case EventTypes.MEMBER_RERATED -> readData(event, MemberReratedData.class);
          case EventTypes.MEMBER_REAPPRAISED -> readData(event, MemberReappraisedData.class);
          case EventTypes.MEMBER_LEVEL_ADJUSTED -> readData(event, MemberLevelAdjustedData.class);
          case EventTypes.ACCOUNT_SIGN_IN_THROTTLED ->
              normalise(event, readData(event, AccountSignInThrottledData.class));
          case EventTypes.ACCOUNT_CHANGED -> readData(event, AccountChangedData.class);
          case EventTypes.ACCOUNT_EMAIL_CHANGED -> readData(event, AccountEmailChangedData.class);
          default -> new UnhandledEvent();
        };
    return new InboundEvent(
        event.getId(),
        event.getSource().toString(),
        event.getType(),
        event.getTime(),
        payload,
        data);
  }

  private CloudEvent read(String topic, Headers headers, byte[] data) {
    try {
      String contentType = header(headers, CONTENT_TYPE);
      boolean structuredHeader =
          contentType != null && contentType.startsWith("application/cloudevents");
      if (structuredHeader || headers.lastHeader(CE_SPECVERSION) != null) {
        return cloudEvents.deserialize(topic, headers, data);
      }
      // Producers that leave out the content-type header still send structured JSON (contract).
      return jsonFormat.deserialize(data);
    } catch (RuntimeException e) {
      throw new InvalidEventException("not a readable CloudEvent: " + rootMessage(e));
    }
  }

  private <T> T readData(CloudEvent event, Class<T> type) {
    if (event.getData() == null) {
      throw new InvalidEventException(event.getType() + " " + event.getId() + " has no data");
    }
    T data;
    try {
      data = objectMapper.readValue(event.getData().toBytes(), type);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          event.getType() + " " + event.getId() + ": data is not valid: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException(
          event.getType() + " " + event.getId() + ": data is not readable: " + e.getMessage());
    }
    if (data == null) {
      throw new InvalidEventException(event.getType() + " " + event.getId() + " has data null");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(data);
    if (!violations.isEmpty()) {
      throw new InvalidEventException(
          event.getType()
              + " "
              + event.getId()
              + ": "
              + violations.stream()
                  .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .collect(Collectors.joining("; ")));
    }
    return data;
  }

  /** The window's end must be a time (it is what the member is told); kept as an ISO instant. */
  private ResultAnnouncedData normalise(CloudEvent event, ResultAnnouncedData data) {
    String end;
    try {
      end = parseInstant(data.complaintWindowEnd()).toString();
    } catch (RuntimeException e) {
      throw new InvalidEventException(
          event.getType() + " " + event.getId() + ": complaintWindowEnd is not a time");
    }
    return new ResultAnnouncedData(
        data.memberId(),
        data.memberName(),
        data.year(),
        data.organizationId(),
        data.decidedLevel(),
        data.decisionComment(),
        data.announcedAt(),
        end,
        data.evaluationUrl(),
        data.recipients());
  }

  /** The end of the wait must be a time (it is what the administrators are told); kept as an ISO instant. */
  private AccountSignInThrottledData normalise(CloudEvent event, AccountSignInThrottledData data) {
    String until;
    try {
      until = parseInstant(data.blockedUntil()).toString();
    } catch (RuntimeException e) {
      throw new InvalidEventException(
          event.getType() + " " + event.getId() + ": blockedUntil is not a time");
    }
    return new AccountSignInThrottledData(
        data.userId().strip(), data.failures(), until, data.occurredAt());
  }

  /** Due dates become ISO instants, so later formatting does not depend on how they were written. */
  private TaskEvent normalise(TaskEvent data) {
    if (data.dueDate() == null || data.dueDate().isBlank()) {
      return data;
    }
    return data.withDueDate(parseInstant(data.dueDate()).toString());
  }

  /**
   * An older producer sends case.returned without recipients and without memberName (nobody is notified then);
   * one that names recipients must say whose case it is.
   */
  private static CaseReturnedData check(CloudEvent event, CaseReturnedData data) {
    if (!data.recipientsOrNone().isEmpty()
        && (data.memberName() == null || data.memberName().isBlank())) {
      throw new InvalidEventException(
          event.getType()
              + " "
              + event.getId()
              + ": memberName must not be blank when recipients are given");
    }
    return data;
  }

  private Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        // A local date-time can only mean the organisation's own time zone.
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidEventException("dueDate '" + text + "' is not an ISO-8601 date-time");
      }
    }
  }

  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase();
    return type.equals("application/json") || type.endsWith("+json") || type.equals("text/json");
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }
}
