package vn.party.evaluation.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text field takes text only: Jackson turned {@code {"grounds":5}} or {@code true} into the text "5" / "true" and
 * the complaint was stored (outsider of session 13, HIGH 3), while the member PATCH and the task completion refuse
 * them. Failing the coercion makes every typed request body refuse it as {@code wrong-type} ({@link
 * ApiExceptionHandler#mismatchReason}).
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
}
