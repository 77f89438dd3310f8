package vn.party.evaluation.web;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a field or parameter of the wrong type should have been, as the key of its words ({@code type.*} in
 * messages*.properties): the API says it after "sai kiểu dữ liệu" (outsider's re-attack of 2026-12-07, LOW 10).
 */
public final class ExpectedType {

  private ExpectedType() {}

  /** The key for the type, or null where there is no word for it (an enum: its own reason names the choices). */
  public static String of(Class<?> type) {
    if (type == null || type.isEnum()) {
      return null;
    }
    if (type == int.class
        || type == long.class
        || type == short.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == BigInteger.class) {
      return "integer";
    }
    if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (type == UUID.class) {
      return "uuid";
    }
    if (type == LocalDate.class) {
      return "date";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "date-time";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "list";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "object";
    }
    return null;
  }
}
