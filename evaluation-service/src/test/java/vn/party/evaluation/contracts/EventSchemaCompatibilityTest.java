package vn.party.evaluation.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The versioning rule (docs/asyncapi/VERSIONING.md) as a test: every event schema of the previous release
 * (docs/asyncapi/baseline/{version}) still holds for its type, or the breaking change is announced in
 * docs/asyncapi/announced-changes.yaml. Breaking, for a consumer of an outgoing event: a field removed or renamed, its
 * type changed, a required field made optional, a new enum value, a pattern changed. For a producer of an incoming
 * event: a field removed or renamed, its type changed, a new required field, an enum value removed, a lower maximum
 * length, a higher minimum, a pattern changed. A breaking change makes a new type ({@code ….v2}) with its own schema,
 * published beside the old one for the stated time.
 */
class EventSchemaCompatibilityTest {

  private static final Path BASELINES = Contracts.ASYNCAPI_DIR.resolve("baseline");

  @Test
  void noUnannouncedBreakingChangeSinceThePreviousRelease() throws IOException {
    Path baseline = previousRelease();
    Set<String> announced = announced();
    List<String> breaking = new ArrayList<>();
    try (Stream<Path> files = Files.list(baseline)) {
      for (Path old : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String type = old.getFileName().toString().replaceFirst("\\.json$", "");
        Path now = Contracts.SCHEMAS.resolve(old.getFileName());
        if (!Files.exists(now)) {
          breaking.add(type + ": schema removed");
          continue;
        }
        boolean inbound =
            type.startsWith("vn.party.member.") || type.startsWith("vn.party.organization.");
        compare(type, "$", Contracts.read(old), Contracts.read(now), inbound, breaking);
      }
    }
    breaking.removeIf(announced::contains);
    assertThat(breaking)
        .as(
            "breaking changes against "
                + baseline
                + " not announced in "
                + "docs/asyncapi/announced-changes.yaml (make a new type version instead: VERSIONING.md)")
        .isEmpty();
  }

  /** The rule itself, on made-up schemas: each kind of breaking change is found, an optional field added is not. */
  @Test
  void theRuleFindsEachKindOfBreakingChange() throws IOException {
    JsonNode old =
        Contracts.JSON.readTree(
            """
        {"type":"object","required":["a"],"properties":{"a":{"type":"string","maxLength":10},
         "b":{"type":"string","enum":["X","Y"]},"c":{"type":"integer"}}}""");
    List<String> found = new ArrayList<>();
    compare(
        "t",
        "$",
        old,
        Contracts.JSON.readTree(
            """
        {"type":"object","required":["a"],"properties":{"a":{"type":"string","maxLength":10},
         "b":{"type":"string","enum":["X","Y"]},"c":{"type":"integer"},"d":{"type":"string"}}}"""),
        true,
        found);
    assertThat(found).as("an optional field added is a minor change").isEmpty();
    compare(
        "t",
        "$",
        old,
        Contracts.JSON.readTree(
            """
        {"type":"object","required":["a","c"],"properties":{"a":{"type":"string","maxLength":5},
         "b":{"type":"string","enum":["X"]},"c":{"type":"string"}}}"""),
        true,
        found);
    assertThat(found)
        .containsExactlyInAnyOrder(
            "t: $.a maxLength lowered 10 -> 5",
            "t: $.b enum value removed Y",
            "t: $.c type changed \"integer\" -> \"string\"",
            "t: $.c newly required");
    found.clear();
    compare(
        "t",
        "$",
        old,
        Contracts.JSON.readTree(
            """
        {"type":"object","properties":{"a":{"type":"string","maxLength":10},
         "b":{"type":"string","enum":["X","Y","Z"]}}}"""),
        false,
        found);
    assertThat(found)
        .containsExactlyInAnyOrder(
            "t: $.c removed", "t: $.a no longer required", "t: $.b enum value added Z");
  }

  static void compare(
      String type, String path, JsonNode old, JsonNode now, boolean inbound, List<String> out) {
    if (!old.path("type").equals(now.path("type"))) {
      out.add(type + ": " + path + " type changed " + old.path("type") + " -> " + now.path("type"));
      return;
    }
    if (!old.path("pattern").equals(now.path("pattern"))) {
      out.add(type + ": " + path + " pattern changed");
    }
    Set<String> oldEnum = strings(old.path("enum"));
    Set<String> nowEnum = strings(now.path("enum"));
    if (old.has("enum")) {
      if (inbound) {
        oldEnum.stream()
            .filter(v -> !nowEnum.contains(v))
            .sorted()
            .forEach(v -> out.add(type + ": " + path + " enum value removed " + v));
      } else {
        nowEnum.stream()
            .filter(v -> !oldEnum.contains(v))
            .sorted()
            .forEach(v -> out.add(type + ": " + path + " enum value added " + v));
      }
    }
    if (inbound
        && old.has("maxLength")
        && (!now.has("maxLength")
            || now.path("maxLength").asInt() < old.path("maxLength").asInt())) {
      out.add(
          type
              + ": "
              + path
              + " maxLength lowered "
              + old.path("maxLength").asInt()
              + " -> "
              + now.path("maxLength").asInt());
    }
    if (inbound && now.path("minLength").asInt() > old.path("minLength").asInt()) {
      out.add(type + ": " + path + " minLength raised");
    }
    Set<String> oldRequired = strings(old.path("required"));
    Set<String> nowRequired = strings(now.path("required"));
    if (inbound) {
      nowRequired.stream()
          .filter(f -> !oldRequired.contains(f))
          .sorted()
          .forEach(f -> out.add(type + ": " + path + "." + f + " newly required"));
    } else {
      oldRequired.stream()
          .filter(f -> !nowRequired.contains(f))
          .sorted()
          .forEach(f -> out.add(type + ": " + path + "." + f + " no longer required"));
    }
    old.path("properties")
        .properties()
        .forEach(
            p -> {
              JsonNode current = now.path("properties").get(p.getKey());
              if (current == null) {
                out.add(type + ": " + path + "." + p.getKey() + " removed");
              } else {
                compare(type, path + "." + p.getKey(), p.getValue(), current, inbound, out);
              }
            });
    if (old.has("items")) {
      compare(type, path + "[]", old.path("items"), now.path("items"), inbound, out);
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
    return values;
  }

  /** The newest baseline: the schemas as the previous release published them. */
  private static Path previousRelease() throws IOException {
    try (Stream<Path> versions = Files.list(BASELINES)) {
      return versions
          .filter(Files::isDirectory)
          .max((a, b) -> compareVersions(a.getFileName().toString(), b.getFileName().toString()))
          .orElseThrow(() -> new AssertionError("no baseline in " + BASELINES));
    }
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** The breaking changes announced, each as the line this test reports it with. */
  private static Set<String> announced() {
    JsonNode file = Contracts.read(Contracts.ASYNCAPI_DIR.resolve("announced-changes.yaml"));
    Set<String> changes = new HashSet<>();
    file.path("announced").forEach(entry -> changes.add(entry.path("change").asText()));
    return changes;
  }
}
