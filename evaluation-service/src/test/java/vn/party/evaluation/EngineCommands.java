package vn.party.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Counts the engine commands a piece of work starts, for tests of what a request or an import costs the engine. The
 * work runs on the test's thread, so that the commands counted are its own.
 */
public final class EngineCommands {

  private EngineCommands() {}

  /** What the work returned, and the engine commands it started, by class. */
  public record Counted<T>(T value, List<String> started) {
    public int commands() {
      return started.size();
    }

    /** By class, how many. */
    public Map<String, Long> byClass() {
      return started.stream()
          .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
    }
  }

  /**
   * Runs {@code work} counting the engine commands it starts on this thread: the outermost ones, each of which opens
   * a command context (calls inside a command of the work's own reuse its context and are not counted). The counter
   * sits in the engine's interceptor chain, after the first interceptor, only meanwhile.
   */
  public static <T> Counted<T> counted(ProcessEngineConfigurationImpl engine, Supplier<T> work) {
    CommandInterceptor first = (CommandInterceptor) engine.getCommandExecutorTxRequired();
    Thread thread = Thread.currentThread();
    List<String> started = new ArrayList<>();
    CommandInterceptor counter =
        new CommandInterceptor() {
          @Override
          public <R> R execute(Command<R> command) {
            if (Thread.currentThread() == thread && Context.getCommandContext() == null) {
              started.add(command.getClass().getSimpleName());
            }
            return next.execute(command);
          }
        };
    counter.setNext(first.getNext());
    first.setNext(counter);
    try {
      return new Counted<>(work.get(), started);
    } finally {
      first.setNext(counter.getNext());
    }
  }
}
