package vn.party.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The command-line parser of the launcher ({@link LocalStack}) and the bench: flags, and options whose value comes as
 * {@code --name value} or {@code --name=value}. Every mistake is an {@link IllegalArgumentException} naming the
 * option.
 *
 * <pre>{@code
 * new OptionParser().flag("--fresh", () -> fresh = true).port("--db-port", p -> dbPort = p).parse(args);
 * }</pre>
 */
public final class OptionParser {

  /** Flags get the {@code =value} they were written with, or null. */
  private final Map<String, Consumer<String>> flags = new LinkedHashMap<>();

  private final Map<String, Consumer<String>> options = new LinkedHashMap<>();

  /** A flag without a value. */
  public OptionParser flag(String name, Runnable action) {
    return flag(name, value -> action.run());
  }

  /** A flag that may be written {@code --name=value}; {@code action} gets the value or null. */
  public OptionParser flag(String name, Consumer<String> action) {
    flags.put(name, action);
    return this;
  }

  /** An option taking a value as it is. */
  public OptionParser option(String name, Consumer<String> action) {
    options.put(name, action);
    return this;
  }

  /** A TCP port, 1 to 65535. */
  public OptionParser port(String name, IntConsumer action) {
    return option(name, value -> action.accept(port(name, value)));
  }

  /** A path, made absolute. */
  public OptionParser path(String name, Consumer<Path> action) {
    return option(name, value -> action.accept(Path.of(value).toAbsolutePath()));
  }

  /** A whole number above 0. */
  public OptionParser positive(String name, IntConsumer action) {
    return option(name, value -> action.accept(positive(name, value)));
  }

  /** A whole number from 0. */
  public OptionParser nonNegative(String name, IntConsumer action) {
    return option(name, value -> action.accept(nonNegative(name, value)));
  }

  /** {@code KEY=VALUE}, put into {@code properties}; repeatable. */
  public OptionParser keyValue(String name, Map<String, String> properties) {
    return option(
        name,
        value -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException(name + " needs KEY=VALUE, got " + value);
          }
          properties.put(value.substring(0, eq), value.substring(eq + 1));
        });
  }

  /** Applies {@code args} in order; throws on an unknown option or a missing or wrong value. */
  public void parse(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (flags.containsKey(name)) {
        flags.get(name).accept(value);
        continue;
      }
      Consumer<String> option = options.get(name);
      if (option == null) {
        throw new IllegalArgumentException("Unknown option " + name + " (see --help)");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value (see --help)");
        }
        value = args[++i];
      }
      option.accept(value);
    }
  }

  /** A comma-separated list of whole numbers above 0; {@code _} may group digits (1_000). */
  public static List<Integer> positives(String name, String value) {
    List<Integer> list = new ArrayList<>();
    for (String s : value.split(",")) {
      list.add(positive(name, s.trim().replace("_", "")));
    }
    return list;
  }

  static int port(String name, String value) {
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a port number, not '" + value + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " " + port + " is not a valid port");
    }
    return port;
  }

  static int positive(String name, String value) {
    int n = nonNegative(name, value);
    if (n == 0) {
      throw new IllegalArgumentException(name + " must be > 0");
    }
    return n;
  }

  static int nonNegative(String name, String value) {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + value);
    }
    if (n < 0) {
      throw new IllegalArgumentException(name + " must be >= 0");
    }
    return n;
  }
}
