package vn.party.evaluation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.ClassUtils;
import vn.party.evaluation.rules.Level;

/**
 * Rules over every schema of the API document, in one place rather than on each field, so that a generated client
 * is strict where the service is (issue of session 13's integrator):
 *
 * <ul>
 *   <li>a level ({@code level}, {@code …Level}) is one of the four {@link Level} names, and so are the keys of a
 *       count per level ({@code votes}, {@code …ByLevel}); an enum of a property typed "or null" has null;
 *   <li>an answer's property that is always sent is required: a primitive (never left out), and every property
 *       of a view that shows null rather than leaving a value out ({@code @JsonInclude(ALWAYS)}), whose nullable
 *       properties are typed "or null". A request's properties are required only where declared (Bean Validation,
 *       {@code @Schema(requiredMode)}): a primitive left out of a request reads as 0 or false.
 * </ul>
 *
 * Runs after the other customizers, so that an enum of a property typed "or null" allows null too.
 */
@Configuration
public class SchemaRules {

  private static final List<String> LEVELS = Arrays.stream(Level.values()).map(Enum::name).toList();

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  OpenApiCustomizer levelsAndRequiredProperties() {
    return openApi -> {
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      if (schemas == null) {
        return;
      }
      Set<String> requests = requestSchemas(openApi);
      Map<String, Class<?>> records = applicationRecords();
      schemas.forEach(
          (name, schema) -> {
            levels(schema);
            Class<?> record = records.get(name);
            if (record != null && !requests.contains(name)) {
              required(schema, record);
            }
          });
    };
  }

  private static void levels(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    schema
        .getProperties()
        .forEach(
            (name, property) -> {
              if (("level".equals(name) || name.endsWith("Level"))
                  && isString(property)
                  && property.getEnum() == null) {
                enumOfLevels(property);
              } else if (("votes".equals(name) || name.endsWith("ByLevel"))
                  && property.getAdditionalProperties() != null) {
                property.setPropertyNames(new StringSchema()._enum(LEVELS));
              }
              nullInEnum(property);
            });
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void enumOfLevels(Schema property) {
    property.setEnum(new ArrayList<>(LEVELS));
  }

  /** A property typed "or null" with an enum: null is one of its values, else a validator refuses it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void nullInEnum(Schema property) {
    if (property.getEnum() != null
        && !property.getEnum().contains(null)
        && property.getTypes() != null
        && property.getTypes().contains("null")) {
      List<Object> values = new ArrayList<>(property.getEnum());
      values.add(null);
      property.setEnum(values);
    }
  }

  private static boolean isString(Schema<?> property) {
    return property.get$ref() == null
        && ("string".equals(property.getType())
            || property.getTypes() != null && property.getTypes().contains("string"));
  }

  private static void required(Schema<?> schema, Class<?> record) {
    if (schema.getProperties() == null) {
      return;
    }
    JsonInclude include = record.getAnnotation(JsonInclude.class);
    boolean nullShown = include != null && include.value() == JsonInclude.Include.ALWAYS;
    for (RecordComponent component : record.getRecordComponents()) {
      String name = component.getName();
      JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
      boolean leftOutWhenNull = own != null && own.value() != JsonInclude.Include.ALWAYS;
      boolean alwaysSent = component.getType().isPrimitive() || nullShown && !leftOutWhenNull;
      if (alwaysSent
          && schema.getProperties().containsKey(name)
          && (schema.getRequired() == null || !schema.getRequired().contains(name))) {
        schema.addRequiredItem(name);
      }
    }
  }

  /** The schemas a request body uses, directly or through another schema. */
  @SuppressWarnings("rawtypes")
  private static Set<String> requestSchemas(OpenAPI openApi) {
    Set<String> found = new HashSet<>();
    List<Schema> pending = new ArrayList<>();
    openApi
        .getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null)
                    .filter(operation -> operation.getRequestBody().getContent() != null)
                    .forEach(
                        operation ->
                            operation
                                .getRequestBody()
                                .getContent()
                                .values()
                                .forEach(media -> pending.add(media.getSchema()))));
    while (!pending.isEmpty()) {
      Schema schema = pending.remove(pending.size() - 1);
      if (schema == null) {
        continue;
      }
      if (schema.get$ref() != null) {
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        Schema target = openApi.getComponents().getSchemas().get(name);
        if (found.add(name) && target != null) {
          pending.add(target);
        }
        continue;
      }
      if (schema.getProperties() != null) {
        pending.addAll(schema.getProperties().values());
      }
      pending.add(schema.getItems());
      if (schema.getAdditionalProperties() instanceof Schema values) {
        pending.add(values);
      }
    }
    return found;
  }

  /** The application's records by simple name (the schema's name); a name two records share is left out. */
  private static Map<String, Class<?>> applicationRecords() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(
        (reader, factory) ->
            Record.class.getName().equals(reader.getClassMetadata().getSuperClassName()));
    Map<String, List<Class<?>>> byName =
        scanner.findCandidateComponents("vn.party.evaluation").stream()
            .map(
                candidate ->
                    ClassUtils.resolveClassName(
                        candidate.getBeanClassName(), SchemaRules.class.getClassLoader()))
            .collect(Collectors.groupingBy(Class::getSimpleName));
    Map<String, Class<?>> unique = new HashMap<>();
    byName.forEach(
        (name, types) -> {
          if (types.size() == 1) {
            unique.put(name, types.get(0));
          }
        });
    return unique;
  }
}
