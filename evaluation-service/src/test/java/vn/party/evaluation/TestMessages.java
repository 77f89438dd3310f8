package vn.party.evaluation;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundles ({@code messages*.properties}) without the application, for unit tests. */
public final class TestMessages {

  private TestMessages() {}

  /** The bundles as UTF-8, with no fall-back to the machine's locale (the tests name theirs). */
  public static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
