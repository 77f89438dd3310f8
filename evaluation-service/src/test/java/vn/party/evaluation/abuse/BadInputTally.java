package vn.party.evaluation.abuse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** How the bad inputs of one corpus were answered: the figures of issue 5 ("bad inputs tried and how answered"). */
final class BadInputTally {

  private final Map<String, Integer> byStatus = new TreeMap<>();
  private int tried;
  private int answered4xx;
  private int answered5xx;
  private int answered2xx;
  private int answeredOther;
  private int halfWritten;
  private int notNamed;

  /**
   * @param changed whether anything the request could touch differs afterwards (counted as half-written when refused)
   * @param named whether the answer names the field at fault (where one is)
   */
  void answered(int status, boolean changed, boolean named) {
    tried++;
    byStatus.merge(String.valueOf(status), 1, Integer::sum);
    if (status >= 400 && status < 500) {
      answered4xx++;
    } else if (status >= 500) {
      answered5xx++;
    } else if (status >= 200 && status < 300) {
      answered2xx++;
    } else {
      answeredOther++;
    }
    if (changed && status >= 400) {
      halfWritten++;
    }
    if (!named) {
      notNamed++;
    }
  }

  /** The figures, under the keys the summary command adds up across test classes. */
  Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("badInputs.tried", tried);
    figures.put("badInputs.answered4xx", answered4xx);
    figures.put("badInputs.answered5xx", answered5xx);
    figures.put("badInputs.answered2xx", answered2xx);
    figures.put("badInputs.answeredOther", answeredOther);
    figures.put("badInputs.halfWritten", halfWritten);
    figures.put("badInputs.problemNotNamed", notNamed);
    byStatus.forEach((status, count) -> figures.put("badInputs.status." + status, count));
    return figures;
  }
}
