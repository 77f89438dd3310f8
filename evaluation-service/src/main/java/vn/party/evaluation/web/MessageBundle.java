package vn.party.evaluation.web;

import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's texts (messages.properties: Vietnamese; messages_en: English) for code that runs outside the
 * Spring context's message source: the engine REST filters' answers and the OpenAPI document's examples.
 */
public final class MessageBundle {

  /** One bundle for the process: the same texts the context's message source reads. */
  public static final ResourceBundleMessageSource TEXTS = load();

  private static ResourceBundleMessageSource load() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  private MessageBundle() {}
}
