package vn.party.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a tiny runnable jar that behaves like a Spring Boot service for {@link ServiceProcess}: it reads
 * {@code --server.port=N}, answers {@code GET /actuator/health} with {@code {"status":"UP"}} after
 * {@code --delay-ms=N}, logs its arguments, logs "graceful shutdown" on SIGTERM, and with {@code --exit=N} exits at
 * once with code N after printing "boom".
 */
final class FakeServiceJar {

  private static final String SOURCE =
      """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;

            public class FakeService {
                public static void main(String[] args) throws Exception {
                    int port = 0;
                    long delay = 0;
                    for (String a : args) {
                        System.out.println("arg " + a);
                        if (a.startsWith("--server.port=")) port = Integer.parseInt(a.substring(14));
                        if (a.startsWith("--delay-ms=")) delay = Long.parseLong(a.substring(11));
                        if (a.startsWith("--exit=")) { System.out.println("boom"); System.exit(Integer.parseInt(a.substring(7))); }
                    }
                    System.out.println("heap " + Runtime.getRuntime().maxMemory());
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("graceful shutdown")));
                    Thread.sleep(delay);
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                    server.createContext("/actuator/health", ex -> {
                        byte[] body = "{\\"status\\":\\"UP\\",\\"groups\\":[\\"liveness\\",\\"readiness\\"]}".getBytes(StandardCharsets.UTF_8);
                        ex.getResponseHeaders().set("Content-Type", "application/json");
                        ex.sendResponseHeaders(200, body.length);
                        try (var out = ex.getResponseBody()) { out.write(body); }
                    });
                    server.start();
                    System.out.println("Started FakeService on port " + port);
                    Thread.currentThread().join();
                }
            }
            """;

  private FakeServiceJar() {}

  static Path build(Path dir) throws IOException {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    Files.createDirectories(src);
    Files.createDirectories(classes);
    Path java = src.resolve("FakeService.java");
    Files.writeString(java, SOURCE, StandardCharsets.UTF_8);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("No Java compiler: run the tests on a JDK");
    }
    int rc = compiler.run(null, null, null, "-d", classes.toString(), java.toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + rc);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeService");
    Path jar = dir.resolve("fake-service-exec.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.list(classes)) {
      for (Path cls : files.toList()) {
        jos.putNextEntry(new JarEntry(cls.getFileName().toString()));
        jos.write(Files.readAllBytes(cls));
        jos.closeEntry();
      }
    }
    return jar;
  }
}
