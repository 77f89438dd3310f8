package vn.party.evaluation.web;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every value of the wrong type in a typed request body, not only the first: Jackson stops at the first mismatch, so
 * {@code {"year":"2025","selfReviewDue":true,"decisionDue":{}}} was refused naming one field (fourteenth session's
 * outsider, MEDIUM 7) while the task completion names each. The body is kept as it came ({@link #beforeBodyRead});
 * when Jackson refuses it, {@link #of} reads it as a tree and converts each value against the target type's
 * property on its own, collecting each one that does not fit, named by the path the request used.
 */
@RestControllerAdvice(annotations = RestController.class)
public class TypedBodyProblems extends RequestBodyAdviceAdapter {

  private static final String BODY = TypedBodyProblems.class.getName() + ".body";
  private static final String TYPE = TypedBodyProblems.class.getName() + ".type";
  private static final int MAX_PROBLEMS = 50;
  private static final int MAX_DEPTH = 16;

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type
        && !JsonNode.class.isAssignableFrom(type)
        && !Map.class.isAssignableFrom(type)
        && type.getName().startsWith("vn.party.");
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return inputMessage;
    }
    KeptBody body = KeptBody.of(inputMessage);
    request.setAttribute(BODY, body.bytes(), RequestAttributes.SCOPE_REQUEST);
    request.setAttribute(TYPE, targetType, RequestAttributes.SCOPE_REQUEST);
    return body;
  }

  /** One mismatch: where (the request's path), Jackson's refusal of it. */
  public record Mismatch(String field, JsonMappingException cause) {}

  /**
   * Each value of the body of this request that does not convert to its property's type; empty when the body was not
   * kept or cannot be read as a tree (the caller then names the one mismatch Jackson reported).
   */
  public static List<Mismatch> of(ObjectMapper json) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null
        || !(request.getAttribute(BODY, RequestAttributes.SCOPE_REQUEST) instanceof byte[] body)
        || !(request.getAttribute(TYPE, RequestAttributes.SCOPE_REQUEST) instanceof Type type)) {
      return List.of();
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
    return of(json, type, tree);
  }

  /** Each value of that tree that does not convert to its property's type of that target type. */
  public static List<Mismatch> of(ObjectMapper json, Type type, JsonNode tree) {
    List<Mismatch> found = new ArrayList<>();
    check(json, json.constructType(type), tree, "", found, 0);
    return found;
  }

  private static void check(
      ObjectMapper json,
      JavaType type,
      JsonNode node,
      String path,
      List<Mismatch> found,
      int depth) {
    if (found.size() >= MAX_PROBLEMS || node == null || node.isNull() || depth > MAX_DEPTH) {
      return;
    }
    if (node.isObject() && isBean(type)) {
      BeanDescription bean = json.getDeserializationConfig().introspect(type);
      for (BeanPropertyDefinition property : bean.findProperties()) {
        JavaType propertyType = property.getPrimaryType();
        for (String name : names(json, property)) {
          if (node.has(name) && propertyType != null) {
            check(
                json,
                propertyType,
                node.get(name),
                path.isEmpty() ? name : path + "." + name,
                found,
                depth + 1);
          }
        }
      }
      return;
    }
    if (node.isArray() && type.isCollectionLikeType()) {
      Iterator<JsonNode> elements = node.elements();
      for (int i = 0; elements.hasNext(); i++) {
        check(json, type.getContentType(), elements.next(), path + "[" + i + "]", found, depth + 1);
      }
      return;
    }
    if (node.isObject() && type.isMapLikeType()) {
      node.fields()
          .forEachRemaining(
              entry -> {
                JavaType keyType = type.getKeyType();
                try {
                  if (keyType != null && keyType.isEnumType()) {
                    json.convertValue(entry.getKey(), keyType);
                  }
                } catch (IllegalArgumentException unknownKey) {
                  return; // a key the map does not take: the controller's own check names it
                }
                check(
                    json,
                    type.getContentType(),
                    entry.getValue(),
                    path + "." + entry.getKey(),
                    found,
                    depth + 1);
              });
      return;
    }
    try {
      json.readerFor(type).readValue(json.treeAsTokens(node));
    } catch (JsonMappingException mismatch) {
      String inner = ApiExceptionHandler.fieldPath(mismatch);
      String field =
          inner.isEmpty() ? path : inner.startsWith("[") ? path + inner : path + "." + inner;
      found.add(new Mismatch(field.isEmpty() ? "body" : field, mismatch));
    } catch (IOException | RuntimeException other) {
      // not a type mismatch (a record's own check): left to Jackson's answer
    }
  }

  private static List<String> names(ObjectMapper json, BeanPropertyDefinition property) {
    List<String> names = new ArrayList<>();
    names.add(property.getName());
    if (property.getPrimaryMember() != null) {
      List<PropertyName> aliases =
          json.getDeserializationConfig()
              .getAnnotationIntrospector()
              .findPropertyAliases(property.getPrimaryMember());
      if (aliases != null) {
        aliases.forEach(alias -> names.add(alias.getSimpleName()));
      }
    }
    return names;
  }

  private static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isContainerType()
        && !type.isEnumType()
        && !raw.isPrimitive()
        && raw.getName().startsWith("vn.party.");
  }
}
