package vn.party.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a {@link ServiceProcess}: {@code java -Xmx<heap> -Dfile.encoding=UTF-8 <jvmArgs> -jar <jar>
 * --server.port=<port> --server.address=127.0.0.1 <args>}.
 */
final class ServiceCommand {

  private ServiceCommand() {}

  static List<String> of(
      Path javaExecutable,
      String maxHeap,
      List<String> jvmArgs,
      Path jar,
      int port,
      List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable.toString());
    if (maxHeap != null) {
      cmd.add("-Xmx" + maxHeap);
    }
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toString());
    if (port > 0) {
      cmd.add("--server.port=" + port);
      // this machine only: the local stack runs demo logins (admin/admin), never for the network
      // (issue 12)
      cmd.add("--server.address=127.0.0.1");
    }
    cmd.addAll(args);
    return List.copyOf(cmd);
  }
}
