package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the confirmation of a step that cannot be undone (opening a campaign, recording the branch meeting,
 * merging and dissolving a unit) is one Thymeleaf fragment, {@code portal/confirm :: dialog(id, keys)}, not four
 * copies of its markup; each button with {@code data-confirm="<id>-confirm"} has it in its template. How the dialogs
 * behave in a browser: {@link ConfirmIrreversibleBrowserTest}.
 */
class ConfirmDialogFragmentTest {

  private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
  private static final Pattern BUTTON = Pattern.compile("data-confirm=\"([\\w-]+)-confirm\"");

  @Test
  void everyConfirmationOfAStepThatCannotBeUndoneIsTheOneFragment() throws IOException {
    List<String> buttons = new ArrayList<>();
    List<String> copies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
        Matcher button = BUTTON.matcher(html);
        while (button.find()) {
          String id = button.group(1);
          buttons.add(name + " " + id);
          assertThat(html)
              .as("%s: the dialog of %s is the fragment", name, id)
              .contains("~{portal/confirm :: dialog('" + id + "', 'ui.confirm.");
        }
        // a dialog written out by hand: only the fragment itself, and the task form's "Gửi"
        // (assets/task-form.js, its own markup)
        if (!name.equals("portal/confirm.html") && !name.equals("tasks/form.html")) {
          Matcher dialog = Pattern.compile("<dialog(?![^>]*th:replace)[^>]*>").matcher(html);
          while (dialog.find()) {
            copies.add(name + ": " + dialog.group());
          }
        }
      }
    }
    assertThat(buttons)
        .containsExactlyInAnyOrder(
            "campaign/new.html open-campaign",
            "meeting/form.html record-meeting",
            "units/show.html merge",
            "units/show.html dissolve");
    assertThat(copies).as("dialogs not made by the fragment").isEmpty();
  }
}
