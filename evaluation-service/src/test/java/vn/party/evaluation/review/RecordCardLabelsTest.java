package vn.party.evaluation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The twelfth session's outsider, LOW 14: on a phone the record's table is a card per step, each cell named by its
 * {@code data-label}; the residence-area row's status (pending, received, missing) was labelled "Mức xếp loại", which
 * it is not. The comments' rows (residence area, unit leadership) name their status as such; the steps that give a
 * level keep "Mức xếp loại".
 */
class RecordCardLabelsTest {

  private static final Path PAGE =
      Path.of("src", "main", "resources", "templates", "review", "evaluation.html");

  @Test
  void aCommentsStatusIsNotLabelledAsALevel() throws IOException {
    String html = Files.readString(PAGE, StandardCharsets.UTF_8);
    assertThat(secondCellLabel(html, "level-residence")).isEqualTo("ui.evaluation.comment-status");
    assertThat(secondCellLabel(html, "level-unit")).isEqualTo("ui.evaluation.comment-status");
    assertThat(secondCellLabel(html, "level-self")).isEqualTo("ui.evaluation.level");
    assertThat(secondCellLabel(html, "level-branch")).isEqualTo("ui.evaluation.level");
  }

  /** The message key of the data-label of the row's second cell (the level's column). */
  private static String secondCellLabel(String html, String rowId) {
    int row = html.indexOf("id=\"" + rowId + "\"");
    assertThat(row).as(rowId).isPositive();
    Matcher label =
        Pattern.compile("<td th:attr=\"data-label=#\\{([\\w.-]+)\\}\"")
            .matcher(html.substring(row));
    assertThat(label.find()).isTrue();
    assertThat(label.find()).as(rowId + ": a second cell").isTrue();
    return label.group(1);
  }
}
