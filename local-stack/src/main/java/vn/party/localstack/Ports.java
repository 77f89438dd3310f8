package vn.party.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP port look-ups shared by the servers and the launcher. */
final class Ports {

  private Ports() {}

  /** A TCP port that is free on the loopback interface right now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  /** True if nothing listens on {@code port} (loopback or wildcard) right now. */
  static boolean isPortFree(int port) {
    return canBind(new InetSocketAddress(port))
        && canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
