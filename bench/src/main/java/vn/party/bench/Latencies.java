package vn.party.bench;

import java.util.Arrays;

/**
 * Durations of single operations, in nanoseconds, recorded from several threads; percentiles by the nearest-rank
 * method (the smallest recorded value such that at least p % of the values are at or below it).
 */
public final class Latencies {

  private long[] values = new long[1024];
  private int size;

  public synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  public synchronized int count() {
    return size;
  }

  /** Nearest-rank percentile in nanoseconds; {@code p} in (0, 100]. NaN when nothing was recorded. */
  public synchronized double percentileNanos(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(rank, 1) - 1];
  }

  public double percentileMillis(double p) {
    return percentileNanos(p) / 1_000_000.0;
  }

  public synchronized double meanMillis() {
    if (size == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / size / 1_000_000.0;
  }
}
