package vn.party.bench;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop sender: operation {@code i} is due at {@code start + i / rate}, whatever happened to the earlier ones
 * (it does not wait for replies). A sender that falls behind sends at once and catches up; each operation's latency
 * is measured from when it was <em>due</em>, so a slow sender cannot hide a slow system (no coordinated omission).
 * Times are wall-clock epoch nanoseconds, comparable with the database's commit timestamps on the same machine.
 */
final class OpenLoop {

  /** What was sent: when each operation was due (epoch ns) and how late the sender was at worst (ns). */
  record Sent(long[] dueEpochNanos, long maxLagNanos) {}

  @FunctionalInterface
  interface Send {
    void send(int index) throws Exception;
  }

  private OpenLoop() {}

  /** Nanoseconds between two operations at {@code ratePerSecond}. */
  static double periodNanos(double ratePerSecond) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0: " + ratePerSecond);
    }
    return 1e9 / ratePerSecond;
  }

  /** When operation {@code i} is due, in nanoseconds after the start. */
  static long dueOffsetNanos(int i, double ratePerSecond) {
    return Math.round(i * periodNanos(ratePerSecond));
  }

  /** Sends {@code count} operations at {@code ratePerSecond}, on the calling thread. */
  static Sent run(int count, double ratePerSecond, Send send) throws Exception {
    long[] due = new long[count];
    Instant now = Instant.now();
    long startEpoch = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    long startMono = System.nanoTime();
    long maxLag = 0;
    for (int i = 0; i < count; i++) {
      long offset = dueOffsetNanos(i, ratePerSecond);
      long wait;
      while ((wait = startMono + offset - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      maxLag = Math.max(maxLag, -wait);
      due[i] = startEpoch + offset;
      send.send(i);
    }
    return new Sent(due, maxLag);
  }

  /** Epoch nanoseconds of an instant. */
  static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
