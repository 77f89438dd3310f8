package vn.party.evaluation.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions the formatter cannot enforce, checked over every module's sources (issue 15): test methods are named
 * in lowerCamelCase sentences, the way JUnit and the Spring examples write them, never snake_case; and main code names
 * the types it uses in its imports, never inline by their full names (which hide dependencies from a reader).
 */
class CodeConventionsTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** A test annotation, the annotations after it, modifiers and a return type, then the method's name. */
  private static final Pattern TEST_METHOD =
      Pattern.compile(
          "@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b[^\\n]*\\n"
              + "(?:\\s*@[^\\n]*\\n)*\\s*(?:(?:public|protected|private|static|final)\\s+)*"
              + "[\\w<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");

  /** A package name then a type name, in code (not in an import, a comment or a string). */
  private static final Pattern INLINE_NAME =
      Pattern.compile(
          "(?<![\\w.\"])(?:java|javax|jakarta|org|com|vn)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

  @Test
  void mainCodeNamesNoTypeInlineByItsFullName() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    for (Path source : sources("/src/main/java/")) {
      files++;
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("import ")
            || line.startsWith("package ")
            || line.startsWith("*")
            || line.startsWith("/*")
            || line.startsWith("//")) {
          continue;
        }
        String code = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        int comment = code.indexOf("//");
        code = comment < 0 ? code : code.substring(0, comment);
        Matcher inline = INLINE_NAME.matcher(code);
        if (inline.find()) {
          found.add(REPOSITORY.relativize(source) + ":" + (i + 1) + " " + inline.group());
        }
      }
    }
    assertThat(files).as("main source files found").isGreaterThan(300);
    assertThat(found).as("types named inline by their full names").isEmpty();
  }

  @Test
  void testMethodsAreNamedInLowerCamelCaseInEveryModule() throws IOException {
    List<String> found = new ArrayList<>();
    int methods = 0;
    for (Path source : sources("/src/test/java/")) {
      Matcher method = TEST_METHOD.matcher(Files.readString(source, StandardCharsets.UTF_8));
      while (method.find()) {
        methods++;
        String name = method.group(1);
        if (name.contains("_") || !Character.isLowerCase(name.charAt(0))) {
          found.add(REPOSITORY.relativize(source) + "#" + name);
        }
      }
    }
    assertThat(methods).as("test methods found in the repository").isGreaterThan(500);
    assertThat(found).as("test methods not in lowerCamelCase").isEmpty();
  }

  private static List<Path> sources(String root) throws IOException {
    try (Stream<Path> files = Files.walk(REPOSITORY)) {
      return files
          .filter(path -> path.toString().endsWith(".java"))
          .filter(path -> path.toString().contains(root))
          .filter(path -> !path.toString().contains("/target/"))
          .toList();
    }
  }
}
