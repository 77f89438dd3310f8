package vn.party.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code count} operations on a fixed pool of {@code threads} workers (no virtual threads in Java 17), each
 * worker taking the next index until none is left; times each operation and the whole.
 */
public final class Load {

  /** One operation; index in [0, count). Throwing counts as an error (the latency is not recorded). */
  @FunctionalInterface
  public interface Operation {
    void run(int index) throws Exception;
  }

  /** Operations done, wall time, per-operation latencies of the successful ones, errors and the first of them. */
  public record Measurement(
      int operations, int errors, long wallNanos, Latencies latencies, String firstError) {

    /** Successful operations per second of wall time. */
    public double perSecond() {
      return wallNanos == 0 ? Double.NaN : (operations - errors) / (wallNanos / 1e9);
    }

    public double seconds() {
      return wallNanos / 1e9;
    }
  }

  private Load() {}

  public static Measurement run(int count, int threads, Operation operation) {
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
              operation.run(i);
              latencies.record(System.nanoTime() - t0);
            } catch (Exception | AssertionError e) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e.toString());
            }
          }
        };
    long start = System.nanoTime();
    if (threads <= 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(worker));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new Measurement(
        count, errors.get(), System.nanoTime() - start, latencies, firstError.get());
  }
}
