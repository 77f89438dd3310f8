package vn.party.evaluation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One name per field at every door (twelfth session's outsider, LOW 13): each field of every Camunda Form the
 * processes deploy (what Tasklist shows) is labelled with the words the pages and the refusals use for it, {@code
 * field.<key>} in messages.properties. Read from the form files themselves, so a new field without its page label, or
 * with other words, fails here. What a form said besides the label stays in the field's description.
 */
class TasklistFormLabelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyTasklistFieldIsLabelledAsThePagesLabelIt() throws IOException {
    Properties messages = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Resource[] forms =
        new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(forms).as("the deployed forms").hasSizeGreaterThanOrEqualTo(7);
    List<String> differing = new ArrayList<>();
    int fields = 0;
    for (Resource form : forms) {
      List<JsonNode> components = new ArrayList<>();
      collect(JSON.readTree(form.getInputStream()).path("components"), components);
      for (JsonNode component : components) {
        String key = component.path("key").asText("");
        if (key.isEmpty()) {
          continue; // a text or a heading: no field
        }
        fields++;
        String label = component.path("label").asText();
        String pageLabel = messages.getProperty("field." + key);
        if (!label.equals(pageLabel)) {
          differing.add(
              form.getFilename() + " " + key + ": \"" + label + "\", the pages: " + pageLabel);
        }
      }
    }
    assertThat(fields).isGreaterThan(50);
    assertThat(differing).as("Tasklist's labels that are not the pages'").isEmpty();
  }

  /** The components at every depth (a group holds its own). */
  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      into.add(component);
      collect(component.path("components"), into);
    }
  }
}
