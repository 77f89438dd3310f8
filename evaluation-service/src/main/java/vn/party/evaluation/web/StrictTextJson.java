package vn.party.evaluation.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A text field takes text only: Jackson turned {@code {"grounds":5}} or {@code true} into the text "5" / "true" and
 * the complaint was stored (outsider of session 13, HIGH 3), while the member PATCH and the task completion refuse
 * them. Failing the coercion makes every typed request body refuse it as {@code wrong-type} ({@link
 * ApiExceptionHandler#mismatchReason}).
 *
 * <p>A typed request body takes its own fields only: a movement's {@code {"kind":"LEAVING","reson":"…"}} was recorded
 * without the misspelt field, silently (twelfth session's outsider, LOW 12). Every typed body of the domain API
 * ({@code /api/v1}, read by Spring MVC) refuses a field its type does not have, 400 {@code unknown-field} naming the
 * field and the fields taken ({@link ApiExceptionHandler}); the bodies read as a tree (a meeting, a member's PATCH)
 * and a task's completion check their fields themselves, with the same reason. The rule is set on the converter
 * Spring MVC reads bodies with, not on the application's {@code ObjectMapper}: events, stored JSON and the calls the
 * application makes still read what they do not know (a later producer may add fields).
 */
@Configuration(proxyBeanMethods = false)
class StrictTextJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer textTakesTextOnly() {
    return builder ->
        builder.postConfigurer(
            mapper ->
                mapper
                    .coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  @Bean
  WebMvcConfigurer bodyTakesItsOwnFieldsOnly() {
    return new WebMvcConfigurer() {
      @Override
      public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
          if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
            // a converter of its own: the shared one also serves the application's RestClient
            converters.set(
                i, new OwnFieldsOnly((MappingJackson2HttpMessageConverter) converters.get(i)));
          }
        }
      }
    };
  }

  /**
   * Refuses a field the body's type does not have, once the body is otherwise readable: a body broken besides (text
   * after the object, a value of the wrong type) is told as it was before, by the lenient reading.
   */
  static final class OwnFieldsOnly extends MappingJackson2HttpMessageConverter {

    private final MappingJackson2HttpMessageConverter lenient;

    OwnFieldsOnly(MappingJackson2HttpMessageConverter lenient) {
      super(
          lenient
              .getObjectMapper()
              .copy()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
      setSupportedMediaTypes(lenient.getSupportedMediaTypes());
      this.lenient = lenient;
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
        throws IOException {
      KeptBody body = KeptBody.of(input);
      try {
        return super.read(type, contextClass, body);
      } catch (HttpMessageNotReadableException unknown) {
        if (!(unknown.getCause() instanceof UnrecognizedPropertyException)) {
          throw unknown;
        }
        lenient.read(type, contextClass, body);
        throw unknown;
      }
    }
  }
}
