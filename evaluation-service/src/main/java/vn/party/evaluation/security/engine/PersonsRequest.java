package vn.party.evaluation.security.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * A person's request to the domain API, its engine calls run in one engine command context (issue 15): the engine
 * reuses a running context for the calls made inside it, so the task, its execution, its definition, its identity
 * links and its variables are read once per request instead of once per call (each call was a command of its own, the
 * task read seven times per completion), and the authorization manager asks its "any REVOKE?" probe once.
 *
 * <p>Judged as before: {@link UserCommandGuard} judges each command the application runs directly inside a request
 * as it judges an outermost command from any door (the person's completion, their task query), and leaves alone
 * what those commands run themselves (the process's listeners and delegates), as always. The request itself is no
 * person's command: no door builds it, only the application's Java code ({@link #run}).
 *
 * <p>One context, one outcome: when the application refuses (an {@code ApiException}, a guard's refusal), the
 * context is rolled back and the refusal reaches the caller as it was thrown — wrapped inside the engine as a
 * {@link BadUserRequestException}, so that the engine logs it at debug level as it does other refusals, not as its own
 * error. When a command inside failed, the engine sees that failure (it logs it as it did when the command was the
 * outermost), the caller still the application's answer to it.
 */
public final class PersonsRequest<T> implements Command<T> {

  private final Supplier<T> work;

  /** What the caller is answered with, when the work threw. */
  private RuntimeException answer;

  /** The first failure of a command run inside (the engine's state may be half changed then). */
  private RuntimeException failedInside;

  private PersonsRequest(Supplier<T> work) {
    this.work = work;
  }

  /**
   * Runs {@code work} (the domain's calls to the engine for one request) in one command context. Inside a running
   * command already (a listener, a job), the work runs as it is: the engine reuses that context anyway.
   */
  public static <T> T run(CommandExecutor executor, Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return work.get();
    }
    PersonsRequest<T> request = new PersonsRequest<>(work);
    try {
      return executor.execute(request);
    } catch (RuntimeException failed) {
      if (request.answer != null
          && (failed instanceof Answered || failed == request.failedInside)) {
        throw request.answer;
      }
      throw failed;
    }
  }

  @Override
  public T execute(CommandContext context) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException refused) {
      answer = refused;
      throw failedInside != null ? failedInside : new Answered(refused);
    }
    if (failedInside != null) {
      // a command inside failed and the work went on: what it left half done is not kept
      answer = failedInside;
      throw failedInside;
    }
    return result;
  }

  /** The request a command is being run directly inside (by the application's code), or null. */
  static PersonsRequest<?> running() {
    CommandInvocationContext current = Context.getCommandInvocationContext();
    return current != null && current.getCommand() instanceof PersonsRequest<?> request
        ? request
        : null;
  }

  /** Runs a command inside the request, its failure noted ({@link UserCommandGuard}, after judging it). */
  <R> R inside(Supplier<R> command) {
    try {
      return command.get();
    } catch (RuntimeException failed) {
      if (failedInside == null) {
        failedInside = failed;
      }
      throw failed;
    }
  }

  /** The application's refusal on its way through the engine's context (rolled back, logged at debug). */
  private static final class Answered extends BadUserRequestException {
    Answered(RuntimeException refusal) {
      super("refused: " + refusal.getClass().getSimpleName(), refusal);
    }
  }
}
