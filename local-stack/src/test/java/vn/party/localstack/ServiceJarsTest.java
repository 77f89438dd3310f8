package vn.party.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(ServiceJars.REPO_ROOT_PROPERTY);
  }

  @Test
  void findsTheRepositoryRootAboveTheModule() {
    Path root = ServiceJars.repositoryRoot();
    assertThat(root.resolve("local-stack").resolve("pom.xml")).isRegularFile();
    assertThat(ServiceJars.findRepositoryRoot(root.resolve("local-stack/src/main/java")))
        .contains(root);
    assertThat(ServiceJars.locate().version()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(ServiceJars.locate().expectedJar("evaluation-service"))
        .isEqualTo(
            root.resolve("evaluation-service/target/evaluation-service-0.1.0-SNAPSHOT-exec.jar"));
    assertThat(ServiceJars.locate().expectedJar("notification-service"))
        .isEqualTo(
            root.resolve(
                "notification-service/target/notification-service-0.1.0-SNAPSHOT-exec.jar"));
  }

  @Test
  void aModulePomIsNotTheRoot(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("pom.xml"),
        """
                <project><parent><artifactId>party-evaluation</artifactId><version>1</version></parent>
                <artifactId>local-stack</artifactId></project>""");
    assertThat(ServiceJars.isRepositoryRoot(tmp)).isFalse();
  }

  @Test
  void theSystemPropertyWinsAndAMissingJarSaysHowToBuildIt(@TempDir Path tmp) throws Exception {
    Files.writeString(
        tmp.resolve("pom.xml"),
        """
                <project><modelVersion>4.0.0</modelVersion><groupId>x</groupId>
                <artifactId>party-evaluation</artifactId><version>9.9.9</version></project>""");
    System.setProperty(ServiceJars.REPO_ROOT_PROPERTY, tmp.toString());
    ServiceJars jars = ServiceJars.locate();
    assertThat(jars.repositoryRootPath()).isEqualTo(tmp.toAbsolutePath().normalize());
    assertThat(jars.version()).isEqualTo("9.9.9");
    assertThatThrownBy(jars::evaluationService)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("evaluation-service-9.9.9-exec.jar")
        .hasMessageContaining("mvn -DskipTests install");

    Path jar = tmp.resolve("notification-service/target/notification-service-9.9.9-exec.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {1});
    assertThat(jars.notificationService()).isEqualTo(jar.toAbsolutePath().normalize());
  }

  @Test
  void aWrongSystemPropertyIsReported(@TempDir Path tmp) {
    System.setProperty(ServiceJars.REPO_ROOT_PROPERTY, tmp.toString());
    assertThatThrownBy(ServiceJars::repositoryRoot)
        .hasMessageContaining(ServiceJars.REPO_ROOT_PROPERTY);
  }
}
