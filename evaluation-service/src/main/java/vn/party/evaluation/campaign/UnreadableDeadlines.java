package vn.party.evaluation.campaign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.party.evaluation.web.FieldProblem;

/**
 * A campaign's deadlines as the domain API reads them: a text that is no date does not stop the reading of the body
 * (as it would stop Jackson, answering that one field alone) but is noted for the request ({@code invalid-format})
 * and read as absent, so that the answer also names what is wrong with the other fields — the order of the deadlines
 * that are dates among them (issue 14). Values that are not texts are Jackson's as before.
 */
public final class UnreadableDeadlines {

  private static final String ATTRIBUTE = UnreadableDeadlines.class.getName();

  private UnreadableDeadlines() {}

  /** The deadlines of this request's body that could not be read, each {@code invalid-format}. */
  static List<FieldProblem> ofThisRequest() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null
        || !(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
            instanceof List<?> noted)) {
      return List.of();
    }
    return noted.stream().map(FieldProblem.class::cast).toList();
  }

  /** The reader of one deadline: Jackson's own, a text it refuses noted for the request. */
  public static final class Reader extends JsonDeserializer<OffsetDateTime> {

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      RequestAttributes request = RequestContextHolder.getRequestAttributes();
      if (!parser.hasToken(JsonToken.VALUE_STRING) || request == null) {
        return context.readValue(parser, OffsetDateTime.class);
      }
      try {
        return context.readValue(parser, OffsetDateTime.class);
      } catch (JsonMappingException unreadable) {
        @SuppressWarnings("unchecked")
        List<FieldProblem> noted =
            request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof List<?> l
                ? (List<FieldProblem>) l
                : new ArrayList<>();
        noted.add(new FieldProblem(parser.currentName(), "invalid-format", null));
        request.setAttribute(ATTRIBUTE, noted, RequestAttributes.SCOPE_REQUEST);
        return null;
      }
    }
  }
}
