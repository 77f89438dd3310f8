package vn.party.evaluation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feature packages of evaluation-service and the seams between them. The rules that today's code does not yet
 * keep are frozen (ArchUnit's FreezingArchRule, store in src/test/resources/archunit_store): what is recorded there
 * may shrink, never grow, so a new package cycle or a new domain class that talks to the engine fails the build.
 */
class ModuleStructureTest {

  private static final String ROOT = "vn.party.evaluation";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void featurePackagesFormNoNewCycle() {
    FreezingArchRule.freeze(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
        .because("a feature package uses another only one way")).check(classes);
  }

  @Test
  void onlyEngineAdaptersTalkToTheEngine() {
    // Camunda 7 CE is end of life: engine calls belong in thin adapters (a feature's `flow` package, the `engine`
    // and `security` set-up), so that moving to another engine is a bounded job.
    FreezingArchRule.freeze(noClasses().that().resideOutsideOfPackages("..flow..", ROOT + ".engine..",
            ROOT + ".security..", ROOT + ".demo..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("domain code does not depend on the engine")).check(classes);
  }

  @Test
  void theDomainRulesModuleDependsOnNoService() {
    noClasses().that().resideInAPackage("vn.party.evaluation.process..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.party.evaluation.process"));
  }

  /** A fully qualified name inside code hides a dependency from whoever reads the imports. */
  @Test
  void noInlineFullyQualifiedNames() throws IOException {
    Pattern inline = Pattern.compile("(?<![\\w.\"/])(?:java|javax|jakarta|org|com|io|vn)\\.[a-z]\\w*(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");
    List<String> found;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      found = files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
        try {
          List<String> lines = Files.readAllLines(file);
          return IntStream.range(0, lines.size())
              .filter(i -> !lines.get(i).startsWith("import ") && !lines.get(i).startsWith("package ")
                  && !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("//")
                  && inline.matcher(stripStrings(lines.get(i))).find())
              .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
    assertThat(found).as("inline fully qualified names (import them instead)").isEmpty();
  }

  private static String stripStrings(String line) {
    return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
  }
}
