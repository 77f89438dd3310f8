package vn.party.evaluation.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.party.evaluation.messaging.UnreadableEventException;

/**
 * The handler of an event that carries one fact to record once (a discipline decision, a unit assessment, a residence
 * comment): its data read by {@link EventFields}, so that what cannot be read is dead-lettered with the same reasons
 * for every type; the fact handed to its store; the outcome logged in one wording. A handler names only its type,
 * how it reads the fact, where the fact goes and how the log names it.
 *
 * @param <F> the fact the event carries
 */
public abstract class FactEventHandler<F> implements InboundEventHandler {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String eventType;
  private final String logFormat;

  /**
   * @param logFormat the log line, with a placeholder for each of {@link #logArguments} and a last one for the note
   *     on a redelivery
   */
  protected FactEventHandler(String eventType, String logFormat) {
    this.eventType = eventType;
    this.logFormat = logFormat;
  }

  @Override
  public String eventType() {
    return eventType;
  }

  @Override
  public void handle(CloudEvent event, JsonNode data) {
    F fact = read(new EventFields(event, data));
    boolean first = receive(event, fact);
    Object[] arguments = logArguments(event, fact);
    Object[] withNote = Arrays.copyOf(arguments, arguments.length + 1);
    // a redelivery of a fact already recorded is a no-op (the inbox), said so rather than logged as
    // new
    withNote[arguments.length] = first ? "" : " (duplicate, ignored)";
    log.info(logFormat, withNote);
  }

  /** The fact, or an {@link UnreadableEventException} from the fields. */
  protected abstract F read(EventFields fields);

  /** Records the fact; false when the inbox already took this event (a redelivery). */
  protected abstract boolean receive(CloudEvent event, F fact);

  /** What the log line names, in the order of {@code logFormat}'s placeholders (the note's excepted). */
  protected abstract Object[] logArguments(CloudEvent event, F fact);
}
