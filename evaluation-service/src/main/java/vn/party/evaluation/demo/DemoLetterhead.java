package vn.party.evaluation.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.party.evaluation.document.DocumentRegister;

/**
 * The demo organization's letterhead for its documents (profile {@code demo}), after {@link DemoData}: the superior
 * unit on the first header line and the place written before the date.
 */
@Component
@Profile("demo")
@Order(3)
public class DemoLetterhead implements ApplicationRunner {

  private final DocumentRegister register;

  public DemoLetterhead(DocumentRegister register) {
    this.register = register;
  }

  @Override
  public void run(ApplicationArguments args) {
    register.setLetterhead(DemoData.ORGANIZATION, "Đảng bộ quận Thanh Khê", "Thanh Khê");
  }
}
