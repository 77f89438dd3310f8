package vn.party.evaluation.rules;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a person reads for an enum value, Vietnamese first and English second, and the lenient parse every enum of
 * the rules offers (written once here instead of in each enum).
 */
public record Names(String vietnamese, String english) {

  /** The constant of {@code type} with this {@link Enum#name()}, or empty: unlike {@code valueOf}, never throws. */
  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    return find(type, Enum::name, name);
  }

  /**
   * The constant of {@code type} whose {@code key} equals {@code value}, or empty: the one lookup behind every enum
   * stored by a name or a code of its own ({@link Regulation#fromCode}, a decision stage by its activity).
   */
  public static <E extends Enum<E>> Optional<E> find(
      Class<E> type, Function<E, ?> key, Object value) {
    for (E constant : type.getEnumConstants()) {
      if (key.apply(constant).equals(value)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** An enum whose values have {@link Names}. */
  public interface Named {

    Names names();

    /** Vietnamese, as shown to users. */
    default String label() {
      return names().vietnamese();
    }

    default String englishLabel() {
      return names().english();
    }
  }
}
