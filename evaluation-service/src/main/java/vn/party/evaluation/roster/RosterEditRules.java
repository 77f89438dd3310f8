package vn.party.evaluation.roster;

import static vn.party.evaluation.roster.RosterFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.party.evaluation.process.TextLimits;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;

/**
 * What a change of roster facts must satisfy. Only rules that are clearly right:
 * <ul>
 *   <li>only the changeable facts and {@code reason}; each of its type (flags true/false, a date {@code yyyy-MM-dd});</li>
 *   <li>membership OFFICIAL or PROBATIONARY; leadership BRANCH_COMMITTEE, ORGANIZATION_COMMITTEE or null; headOf
 *       BRANCH, ORGANIZATION or null;</li>
 *   <li>admittedOn not in the future and not before the Party was founded (3 February 1930); null: not on file;</li>
 *   <li>a probationary member sits on no committee and heads no unit: a probationary member has no right to stand
 *       for election to the Party's leadership bodies (Điều lệ Đảng, Điều 5), and a secretary is elected by and from
 *       the committee;</li>
 *   <li>a reason, with the same text rules as the forms' texts (at most 4 000 characters, no control characters).</li>
 * </ul>
 */
final class RosterEditRules {

  static final String UNKNOWN_FIELD = "unknown-field";
  static final String WRONG_TYPE = "wrong-type";
  static final String INVALID_FORMAT = "invalid-format";
  static final String INVALID_MEMBERSHIP = "invalid-membership";
  static final String INVALID_LEADERSHIP = "invalid-leadership";
  static final String INVALID_HEAD_OF = "invalid-head-of";
  static final String IN_FUTURE = "in-future";
  static final String PROBATIONARY_ON_COMMITTEE = "probationary-on-committee";

  /** A body naming no fact to change (only a reason, or nothing). */
  static final String NOTHING_TO_CHANGE = "nothing-to-change";

  static final String BODY = "body";
  static final String MALFORMED = "malformed";

  /** The Communist Party of Vietnam was founded on 3 February 1930: nobody was admitted before. */
  static final LocalDate PARTY_FOUNDED = LocalDate.of(1930, 2, 3);

  /** The checked edit, or the problems (field, reason) found. */
  record Checked(RosterEdit edit, List<FieldError> problems) {}

  static Checked check(JsonNode body, MemberRoster current, LocalDate today) {
    List<FieldError> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return new Checked(null, List.of(new FieldError(BODY, MALFORMED)));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      String problem =
          switch (name) {
            case EXEMPTED, SUSPENDED, CIVIL_SERVANT, LEADERSHIP_POST -> flag(name, value, values);
            case MEMBERSHIP -> membership(value, values);
            case LEADERSHIP -> leadership(value, values);
            case HEAD_OF -> headOf(value, values);
            case ADMITTED_ON -> admittedOn(value, today, values);
            case REASON -> null; // below
            default -> UNKNOWN_FIELD;
          };
      if (problem != null) {
        problems.add(new FieldError(name, problem));
      }
    }
    String reasonProblem = reason(body.get(REASON));
    if (reasonProblem != null) {
      problems.add(new FieldError(REASON, reasonProblem));
    }
    if (problems.isEmpty() && values.isEmpty()) {
      problems.add(new FieldError(BODY, NOTHING_TO_CHANGE));
    }
    if (problems.isEmpty()) {
      RosterEdit edit = new RosterEdit(values, body.get(REASON).asText().strip());
      MemberRoster after = edit.applyTo(current);
      if ("PROBATIONARY".equals(after.membership()) && after.leadership() != null) {
        // on the field the request set to break the rule
        problems.add(
            new FieldError(
                values.get(LEADERSHIP) != null ? LEADERSHIP : MEMBERSHIP,
                PROBATIONARY_ON_COMMITTEE));
      } else if ("PROBATIONARY".equals(after.membership()) && after.headOf() != null) {
        problems.add(
            new FieldError(
                values.get(HEAD_OF) != null ? HEAD_OF : MEMBERSHIP, PROBATIONARY_ON_COMMITTEE));
      }
      if (problems.isEmpty()) {
        return new Checked(edit, List.of());
      }
    }
    return new Checked(null, problems);
  }

  private static String flag(String name, JsonNode value, Map<String, Object> values) {
    if (!value.isBoolean()) {
      return FieldError.NOT_A_FLAG;
    }
    values.put(name, value.booleanValue());
    return null;
  }

  private static String membership(JsonNode value, Map<String, Object> values) {
    if (value.isNull()) {
      return FieldError.REQUIRED;
    }
    if (!value.isTextual()) {
      return WRONG_TYPE;
    }
    if (!MEMBERSHIPS.contains(value.textValue())) {
      return INVALID_MEMBERSHIP;
    }
    values.put(MEMBERSHIP, value.textValue());
    return null;
  }

  private static String leadership(JsonNode value, Map<String, Object> values) {
    if (value.isNull()) {
      values.put(LEADERSHIP, null); // off every committee
      return null;
    }
    if (!value.isTextual()) {
      return WRONG_TYPE;
    }
    if (!LEADERSHIPS.contains(value.textValue())) {
      return INVALID_LEADERSHIP;
    }
    values.put(LEADERSHIP, value.textValue());
    return null;
  }

  private static String headOf(JsonNode value, Map<String, Object> values) {
    if (value.isNull()) {
      values.put(HEAD_OF, null); // heads no unit
      return null;
    }
    if (!value.isTextual()) {
      return WRONG_TYPE;
    }
    if (!HEADS.contains(value.textValue())) {
      return INVALID_HEAD_OF;
    }
    values.put(HEAD_OF, value.textValue());
    return null;
  }

  private static String admittedOn(JsonNode value, LocalDate today, Map<String, Object> values) {
    if (value.isNull()) {
      values.put(ADMITTED_ON, null); // not on file
      return null;
    }
    if (!value.isTextual()) {
      return WRONG_TYPE;
    }
    LocalDate date;
    try {
      // yyyy-MM-dd only: 2024-02-30, 2024-2-3 and anything with a time are refused
      date = LocalDate.parse(value.textValue());
    } catch (DateTimeParseException e) {
      return INVALID_FORMAT;
    }
    if (date.isAfter(today)) {
      return IN_FUTURE;
    }
    if (date.isBefore(PARTY_FOUNDED)) {
      return FieldError.OUT_OF_RANGE;
    }
    values.put(ADMITTED_ON, date);
    return null;
  }

  private static String reason(JsonNode value) {
    if (value == null
        || value.isNull()
        || value.isTextual() && TextCharacters.blank(value.textValue())) {
      return FieldError.REQUIRED;
    }
    if (!value.isTextual()) {
      return FieldError.NOT_TEXT;
    }
    String text = value.textValue();
    if (text.length() > TextLimits.REASON) {
      return FieldError.TOO_LONG;
    }
    return TextCharacters.problem(text);
  }

  private RosterEditRules() {}
}
