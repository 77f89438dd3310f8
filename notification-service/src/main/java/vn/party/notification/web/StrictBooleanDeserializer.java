package vn.party.notification.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * A JSON boolean and nothing else. Jackson would otherwise take "false", "0" or 0 for a boolean, so a
 * client's mistake could silently become a choice; here it is a 400 naming the field. JSON null stays
 * null (for {@code @NotNull} to refuse).
 */
public class StrictBooleanDeserializer extends StdScalarDeserializer<Boolean> {

  public StrictBooleanDeserializer() {
    super(Boolean.class);
  }

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
  }
}
