package vn.party.evaluation.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/**
 * The limits a broken Bean Validation constraint sets, as {@link FieldProblem#bounds()}: a text's most characters;
 * for {@code @Min} or {@code @Max}, both bounds the field declares (Bean Validation reports the one broken alone, and
 * "from 2018 to 2100" tells more than "at least 2018").
 */
public final class ConstraintBounds {

  private ConstraintBounds() {}

  /** The least and the most allowed (either null where there is none); empty when the constraint sets no number. */
  public static List<Long> of(ConstraintViolation<?> violation) {
    Object annotation = violation.getConstraintDescriptor().getAnnotation();
    if (annotation instanceof Size size) {
      return size.max() == Integer.MAX_VALUE
          ? List.of()
          : Arrays.<Long>asList(null, (long) size.max());
    }
    if (annotation instanceof Min || annotation instanceof Max) {
      return declared(violation.getLeafBean(), violation.getPropertyPath().toString());
    }
    return List.of();
  }

  private static List<Long> declared(Object bean, String path) {
    if (bean == null) {
      return List.of();
    }
    String name = path.substring(path.lastIndexOf('.') + 1);
    for (Class<?> type = bean.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        Min min = field.getAnnotation(Min.class);
        Max max = field.getAnnotation(Max.class);
        return Arrays.asList(min == null ? null : min.value(), max == null ? null : max.value());
      } catch (NoSuchFieldException e) {
        // declared higher up, if anywhere
      }
    }
    return List.of();
  }
}
