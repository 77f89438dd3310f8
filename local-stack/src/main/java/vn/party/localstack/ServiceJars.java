package vn.party.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds the runnable ("exec") jars of the two services in the repository, so that the launcher and the
 * end-to-end tests can start them as separate processes.
 *
 * <p>The repository root is taken from the system property {@value #REPO_ROOT_PROPERTY} if set, otherwise it is the
 * first directory, walking up from the working directory, that holds a {@code pom.xml} whose own artifactId is
 * {@value #ROOT_ARTIFACT_ID}. A jar is {@code <module>/target/<module>-<version>-exec.jar}, the version being the root
 * pom's.
 */
public final class ServiceJars {

  public static final String REPO_ROOT_PROPERTY = "party.repo.root";
  public static final String ROOT_ARTIFACT_ID = "party-evaluation";
  public static final String EVALUATION_SERVICE = "evaluation-service";
  public static final String NOTIFICATION_SERVICE = "notification-service";
  public static final String CLASSIFIER = "exec";

  private final Path repositoryRoot;
  private final String version;

  private ServiceJars(Path repositoryRoot, String version) {
    this.repositoryRoot = repositoryRoot;
    this.version = version;
  }

  /** The repository found from {@code -Dparty.repo.root} or the working directory. */
  public static ServiceJars locate() {
    Path root = repositoryRoot();
    return new ServiceJars(root, projectVersion(root));
  }

  /** The repository at {@code root} (must hold the root pom). */
  public static ServiceJars at(Path root) {
    Path normalized = root.toAbsolutePath().normalize();
    if (!isRepositoryRoot(normalized)) {
      throw new IllegalStateException(
          normalized
              + " is not the repository root (no pom.xml with <artifactId>"
              + ROOT_ARTIFACT_ID
              + "</artifactId>)");
    }
    return new ServiceJars(normalized, projectVersion(normalized));
  }

  /** The repository root; throws {@link IllegalStateException} with a clear message if it cannot be found. */
  public static Path repositoryRoot() {
    return findRepositoryRoot()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Cannot find the repository root (a pom.xml with <artifactId>"
                        + ROOT_ARTIFACT_ID
                        + "</artifactId>) above "
                        + Path.of("").toAbsolutePath()
                        + ". Run from inside the repository or pass -D"
                        + REPO_ROOT_PROPERTY
                        + "=/path/to/repository."));
  }

  /** The repository root, if it can be found. */
  public static Optional<Path> findRepositoryRoot() {
    String property = System.getProperty(REPO_ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path root = Path.of(property).toAbsolutePath().normalize();
      if (!isRepositoryRoot(root)) {
        throw new IllegalStateException(
            "-D"
                + REPO_ROOT_PROPERTY
                + "="
                + property
                + " does not point at the repository root (no pom.xml with <artifactId>"
                + ROOT_ARTIFACT_ID
                + "</artifactId>)");
      }
      return Optional.of(root);
    }
    return findRepositoryRoot(Path.of("").toAbsolutePath());
  }

  /** Like {@link #findRepositoryRoot()} but never throws (empty on a bad {@code -Dparty.repo.root} too). */
  public static Optional<Path> findRepositoryRootQuietly() {
    try {
      return findRepositoryRoot();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Walks up from {@code start} to the repository root. */
  public static Optional<Path> findRepositoryRoot(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (isRepositoryRoot(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  static boolean isRepositoryRoot(Path dir) {
    Path pom = dir.resolve("pom.xml");
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      return ROOT_ARTIFACT_ID.equals(projectChild(readXml(pom), "artifactId"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Path repositoryRootPath() {
    return repositoryRoot;
  }

  /** The project version from the root pom, e.g. {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return version;
  }

  /** {@code evaluation-service/target/evaluation-service-<version>-exec.jar}; fails if it was not built. */
  public Path evaluationService() {
    return jar(EVALUATION_SERVICE);
  }

  /** {@code notification-service/target/notification-service-<version>-exec.jar}; fails if it was not built. */
  public Path notificationService() {
    return jar(NOTIFICATION_SERVICE);
  }

  /** The exec jar of {@code module}; throws {@link IllegalStateException} telling how to build it if it is missing. */
  public Path jar(String module) {
    Path jar = expectedJar(module);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Missing "
              + repositoryRoot.relativize(jar)
              + " (looked in "
              + jar
              + ").\n"
              + "Build the services first, from "
              + repositoryRoot
              + ":\n"
              + "    mvn -DskipTests install\n"
              + "(Chưa có file jar của "
              + module
              + ": hãy chạy 'mvn -DskipTests install' ở thư mục gốc trước.)");
    }
    return jar;
  }

  /** Where the exec jar of {@code module} is expected, whether or not it exists. */
  public Path expectedJar(String module) {
    return repositoryRoot.resolve(module).resolve("target").resolve(jarFileName(module, version));
  }

  public static String jarFileName(String artifactId, String version) {
    return artifactId + "-" + version + "-" + CLASSIFIER + ".jar";
  }

  /** The {@code <version>} of the root pom (the modules inherit it). */
  public static String projectVersion(Path root) {
    String version = projectChild(readXml(root.resolve("pom.xml")), "version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("No <version> in " + root.resolve("pom.xml"));
    }
    return version.trim();
  }

  /** Text of a direct child element of {@code <project>} (not of {@code <parent>}), or null. */
  static String projectChild(Document pom, String name) {
    Element project = pom.getDocumentElement();
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  static Document readXml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ServiceJars[" + repositoryRoot + ", version " + version + "]";
  }
}
