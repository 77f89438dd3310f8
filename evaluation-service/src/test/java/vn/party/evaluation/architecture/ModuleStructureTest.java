package vn.party.evaluation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of evaluation-service and the seams between them. What today's code does not yet keep is
 * recorded (the engine dependencies outside adapters frozen by ArchUnit in src/test/resources/archunit_store): the
 * record may shrink, never grow, so a new domain class that talks to the engine fails the build. No feature package
 * reaches itself through the others, so a new package cycle of any length fails the build too.
 */
class ModuleStructureTest {

  private static final String ROOT = "vn.party.evaluation";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  /**
   * No feature package reaches itself along the uses between packages: a cycle of any length fails. Two packages
   * that use each other are named as a pair first (issue 15: 12 pairs, then 6, 2, 1 — the last, {@code process <->
   * rules}, went when {@code Level}, {@code Regulation} and {@code Names} moved to {@code rules}); a longer cycle
   * names each package on it with the packages on cycles it uses (issue 15: collective, document, finalization,
   * review and task were, until {@code HistoryEntry} moved to {@code audit}, {@code LevelCapView} to {@code caps}
   * and {@code TaskAssigned} to {@code task.flow}). Pairs and packages, not ArchUnit's cycle texts, so that the
   * message names packages.
   */
  @Test
  void featurePackagesFormNoCycle() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass type : classes) {
      String from = feature(type.getPackageName());
      if (from == null) {
        continue;
      }
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String to = feature(dependency.getTargetClass().getPackageName());
        if (to != null && !to.equals(from)) {
          uses.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    Set<String> twoWay = new TreeSet<>();
    uses.forEach(
        (from, targets) ->
            targets.stream()
                .filter(
                    to -> from.compareTo(to) < 0 && uses.getOrDefault(to, Set.of()).contains(from))
                .forEach(to -> twoWay.add(from + " <-> " + to)));
    assertThat(twoWay)
        .as("feature packages that use each other (a pair is a cycle: none is allowed)")
        .isEmpty();
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      if (reaches(uses, start, start, new TreeSet<>())) {
        cycles.add(start);
      }
    }
    Map<String, Set<String>> onCycles = new TreeMap<>();
    for (String from : cycles) {
      Set<String> targets = new TreeSet<>(uses.get(from));
      targets.retainAll(cycles);
      onCycles.put(from, targets);
    }
    assertThat(onCycles)
        .as(
            "feature packages on a longer cycle (a -> b -> c -> a), each with the packages on cycles it uses: none is allowed")
        .isEmpty();
  }

  /** Whether {@code to} can be reached from {@code from} along one or more uses. */
  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      if (next.equals(to) || (seen.add(next) && reaches(uses, next, to, seen))) {
        return true;
      }
    }
    return false;
  }

  private static String feature(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void onlyEngineAdaptersTalkToTheEngine() {
    // Camunda 7 CE is end of life: engine calls belong in thin adapters (a feature's `flow`
    // package, the `engine`
    // and `security` set-up), so that moving to another engine is a bounded job.
    FreezingArchRule.freeze(
            noClasses()
                .that()
                .resideOutsideOfPackages(
                    "..flow..", ROOT + ".engine..", ROOT + ".security..", ROOT + ".demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.camunda..")
                .because("domain code does not depend on the engine"))
        .check(classes);
  }

  /**
   * The imports from the engine outside its adapters, counted: the frozen store above lists each dependency, this
   * bound is the figure to quote (issue 15: 105 before the task, meeting and finalization adapters; 94 before the
   * reminder, campaign, caps and complaint adapters; 84 before {@code MemberFactService}'s message went to {@code
   * caps.flow.RunningEvaluations}; 83 before the launch's batch step went to {@code campaign.flow.MemberBatchStarter};
   * 81 before Tasklist's shared filters went from {@code directory.AccessSetup} to {@code engine.TasklistFilters}).
   * Lower it when a class moves its engine calls into a {@code
   * flow} adapter; it may never grow.
   */
  static final int ENGINE_IMPORTS_OUTSIDE_ADAPTERS = 77;

  @Test
  void engineImportsOutsideAdaptersDoNotGrow() throws IOException {
    Path sources = Path.of("src/main/java/vn/party/evaluation");
    long count;
    try (Stream<Path> files = Files.walk(sources)) {
      List<Path> domain =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f -> {
                    String relative = sources.relativize(f).toString().replace('\\', '/');
                    return !relative.contains("/flow/")
                        && !relative.startsWith("engine/")
                        && !relative.startsWith("security/")
                        && !relative.startsWith("demo/");
                  })
              .toList();
      count = 0;
      for (Path file : domain) {
        count +=
            Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("import org.camunda."))
                .count();
      }
    }
    assertThat(count)
        .as(
            "imports of org.camunda outside the engine adapters (never more; lower the bound when it shrinks)")
        .isLessThanOrEqualTo(ENGINE_IMPORTS_OUTSIDE_ADAPTERS);
  }

  @Test
  void theDomainRulesModuleDependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage("vn.party.evaluation.process..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.party.evaluation.process"));
  }

  /**
   * A fully qualified name inside code hides a dependency from whoever reads the imports. Allowed only where the
   * simple name is taken by an import from elsewhere (two annotations called RequestBody, say).
   */
  @Test
  void noInlineFullyQualifiedNames() throws IOException {
    Pattern inline =
        Pattern.compile(
            "(?<![\\w.\"/])((?:java|javax|jakarta|org|com|io|vn)(?:\\.[a-z_]\\w*)+)\\.([A-Z]\\w*)");
    Pattern imported = Pattern.compile("^import ([\\w.]+)\\.(\\w+);");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        Map<String, String> imports = new HashMap<>();
        lines.stream()
            .map(imported::matcher)
            .filter(Matcher::find)
            .forEach(m -> imports.put(m.group(2), m.group(1) + "." + m.group(2)));
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).trim();
          if (line.startsWith("import ")
              || line.startsWith("package ")
              || line.startsWith("*")
              || line.startsWith("//")) {
            continue;
          }
          Matcher m = inline.matcher(stripStrings(lines.get(i)));
          while (m.find()) {
            String taken = imports.get(m.group(2));
            if (taken == null || taken.equals(m.group(1) + "." + m.group(2))) {
              found.add(file + ":" + (i + 1) + ": " + line);
            }
          }
        }
      }
    }
    assertThat(found).as("inline fully qualified names (import them instead)").isEmpty();
  }

  private static String stripStrings(String line) {
    return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
  }
}
