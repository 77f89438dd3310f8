package vn.party.evaluation.rosterimport;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;
import vn.party.evaluation.roster.RosterFields;

/**
 * Checks the rows of one file, in order, against the template and the organization: the heading row names the columns
 * (either language, any order); each data row gets every problem at once, by column. Keeps only what the checks across
 * rows need (the card numbers seen and their first row), so it runs in a stream.
 */
class RowChecker {

  static final int MAX_ROWS = 100_000;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern CARD = Pattern.compile("[0-9A-Za-z.\\-]{4,20}");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]{6,29}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Set<String> YES = Set.of("có", "co", "x", "yes", "y", "true", "1");
  private static final Set<String> NO = Set.of("không", "khong", "no", "n", "false", "0", "");

  /** Who holds a card number already, outside this organization or inside it. */
  record CardHolder(String memberId, String organizationId) {}

  interface Messages {
    ImportProblem problem(
        int row, int columnIndex, ImportColumn column, String reason, Object extra);
  }

  private final String organizationId;
  private final Map<String, String> branches;
  private final Map<String, CardHolder> cards;
  private final Messages messages;
  private final LocalDate today;
  private final Map<String, Integer> seen = new HashMap<>();
  private final Map<String, Integer> seenAccounts = new HashMap<>();

  /** Who holds an account id: "MEMBER" (a party member), "USER" (a sign-in without a member), null (free). */
  private final Function<String, String> accounts;

  /**
   * Whether a sign-in without a member may become a new member's (administrators' imports only; never an
   * administrator's or inspector's sign-in, which the holder lookup counts as a member's). An adopted sign-in is
   * signed in as a new one is: the roster's address, a one-time password, the members' group ({@code
   * MemberAccounts.createAll}).
   */
  private final boolean mayAdopt;

  private final List<ImportProblem> problems = new ArrayList<>();
  private Map<Integer, ImportColumn> columns;
  private final Map<ImportColumn, Integer> columnIndex = new EnumMap<>(ImportColumn.class);
  private int dataRows;

  /**
   * @param branches the organization's open branches by code and by name, both lower-cased and normalized
   * @param cards every card number on file, with its holder
   */
  RowChecker(
      String organizationId,
      Map<String, String> branches,
      Map<String, CardHolder> cards,
      Messages messages,
      LocalDate today,
      Function<String, String> accounts,
      boolean mayAdopt) {
    this.accounts = accounts;
    this.mayAdopt = mayAdopt;
    this.organizationId = organizationId;
    this.branches = branches;
    this.cards = cards;
    this.messages = messages;
    this.today = today;
  }

  List<ImportProblem> problems() {
    return problems;
  }

  int dataRows() {
    return dataRows;
  }

  /** Whether the heading row has been read (the columns are known). */
  boolean hasHeading() {
    return columns != null;
  }

  /**
   * The row's cell in that column as the checks read it (NFC, stripped), before any check: null before the heading,
   * when the file has no such column or the cell is blank. For looking up many rows' ids at once before checking them.
   */
  String cell(SheetRow row, ImportColumn column) {
    Integer index = columnIndex.get(column);
    String cell = index == null ? null : row.cell(index);
    if (cell == null) {
      return null;
    }
    String value = Normalizer.normalize(cell, Normalizer.Form.NFC).strip();
    return value.isEmpty() ? null : value;
  }

  /** After the last row: a file with no heading or no data row is a problem too. */
  void finish() {
    if (columns == null) {
      problems.add(messages.problem(1, 0, null, "no-heading", null));
    } else if (dataRows == 0) {
      problems.add(messages.problem(2, 0, null, "no-rows", null));
    }
  }

  void unreadable(RosterFileReader.UnreadableFile e) {
    problems.add(messages.problem(e.row(), e.column(), null, e.reason(), null));
  }

  /** The checked row, or null when it has problems (they are added) or is the heading or blank. */
  MemberRow check(SheetRow row) {
    if (columns == null) {
      heading(row);
      return null;
    }
    if (row.blank()) {
      return null;
    }
    dataRows++;
    if (dataRows > MAX_ROWS) {
      if (dataRows == MAX_ROWS + 1) {
        problems.add(messages.problem(row.number(), 0, null, "too-many-rows", MAX_ROWS));
      }
      return null;
    }
    int before = problems.size();
    row.issues()
        .forEach(
            (index, reason) ->
                problems.add(
                    messages.problem(row.number(), index, columns.get(index), reason, null)));
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    Map<ImportColumn, Integer> where = new EnumMap<>(ImportColumn.class);
    columns.forEach(
        (index, column) -> {
          String cell = row.cell(index);
          cells.put(
              column, cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFC).strip());
          where.put(column, index);
        });
    for (int index = 0; index < row.cells().length; index++) {
      String cell = row.cell(index);
      if (!columns.containsKey(index)
          && cell != null
          && !cell.isBlank()
          && !row.issues().containsKey(index)) {
        problems.add(messages.problem(row.number(), index, null, "unexpected-column", null));
      }
    }
    // a cell a spreadsheet would run as a formula when the roster is exported and opened again (CSV
    // injection)
    Set<Integer> flagged = new HashSet<>(row.issues().keySet());
    columns.forEach(
        (index, column) -> {
          String cell = cells.get(column);
          if (!flagged.contains(index) && CsvRosterReader.formula(cell)) {
            problems.add(messages.problem(row.number(), index, column, "formula", null));
            flagged.add(index);
          }
        });
    Check check = new Check(row.number(), cells, where, flagged);
    String fullName = check.text(ImportColumn.FULL_NAME, 300);
    LocalDate dateOfBirth = check.date(ImportColumn.DATE_OF_BIRTH);
    String sex = check.sex();
    String card = check.card();
    LocalDate admittedOn = check.date(ImportColumn.ADMITTED_ON);
    LocalDate officialOn = check.date(ImportColumn.OFFICIAL_ON);
    if (admittedOn != null && officialOn != null && officialOn.isBefore(admittedOn)) {
      check.problem(ImportColumn.OFFICIAL_ON, "official-before-admission", null);
    }
    if (admittedOn != null && dateOfBirth != null && !admittedOn.isAfter(dateOfBirth)) {
      check.problem(ImportColumn.ADMITTED_ON, "admitted-before-birth", null);
    }
    String branchId = check.branch();
    String partyPost = check.text(ImportColumn.PARTY_POST, 300);
    String statePost = check.text(ImportColumn.STATE_POST, 300);
    boolean civilServant = check.yesNo(ImportColumn.CIVIL_SERVANT);
    boolean exempted = check.yesNo(ImportColumn.EXEMPTED);
    boolean suspended = check.yesNo(ImportColumn.SUSPENDED);
    String email = check.pattern(ImportColumn.EMAIL, EMAIL, 300, "invalid-email");
    String phone = check.pattern(ImportColumn.PHONE, PHONE, 30, "invalid-phone");
    String account = check.account(card);
    if (problems.size() > before) {
      return null;
    }
    return new MemberRow(
        row.number(),
        fullName,
        dateOfBirth,
        sex,
        card,
        admittedOn,
        officialOn,
        branchId,
        partyPost,
        statePost,
        civilServant,
        exempted,
        suspended,
        email,
        phone,
        account);
  }

  private void heading(SheetRow row) {
    columns = new HashMap<>();
    Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
    for (int index = 0; index < row.cells().length; index++) {
      String cell = row.cell(index);
      if (row.issues().containsKey(index)) {
        problems.add(messages.problem(row.number(), index, null, row.issues().get(index), null));
        continue;
      }
      if (cell == null || cell.isBlank()) {
        continue;
      }
      ImportColumn match = null;
      for (ImportColumn column : ImportColumn.values()) {
        if (column.matches(cell)) {
          match = column;
          break;
        }
      }
      if (match == null) {
        problems.add(messages.problem(row.number(), index, null, "unexpected-heading", cell));
      } else if (found.containsKey(match)) {
        problems.add(messages.problem(row.number(), index, match, "duplicated-heading", null));
      } else {
        found.put(match, index);
        columns.put(index, match);
        columnIndex.put(match, index);
      }
    }
    for (ImportColumn column : ImportColumn.values()) {
      if (column.required() && !found.containsKey(column)) {
        problems.add(
            messages.problem(row.number(), column.ordinal(), column, "missing-column", null));
      }
    }
  }

  /** The checks of one row, adding its problems. */
  private final class Check {
    private final int row;
    private final Map<ImportColumn, String> cells;
    private final Map<ImportColumn, Integer> where;
    private final Set<Integer> flagged;

    Check(
        int row,
        Map<ImportColumn, String> cells,
        Map<ImportColumn, Integer> where,
        Set<Integer> flagged) {
      this.row = row;
      this.cells = cells;
      this.where = where;
      this.flagged = flagged;
    }

    void problem(ImportColumn column, String reason, Object extra) {
      Integer index = where.get(column);
      problems.add(
          messages.problem(row, index == null ? column.ordinal() : index, column, reason, extra));
    }

    /** The cell, or null when missing, empty or already reported by the reader. */
    private String cell(ImportColumn column) {
      Integer index = where.get(column);
      if (index == null || flagged.contains(index)) {
        return null;
      }
      String value = cells.get(column);
      if (TextCharacters.blank(value)) {
        if (column.required()) {
          problem(column, "required", null);
        }
        return null;
      }
      return value;
    }

    String text(ImportColumn column, int max) {
      String value = cell(column);
      if (value == null) {
        return null;
      }
      if (value.length() > max) {
        problem(column, "too-long", max);
        return null;
      }
      if (CONTROL.matcher(value).find()) {
        problem(column, "control-characters", null);
        return null;
      }
      if (TextCharacters.invalid(value)) {
        problem(column, FieldError.INVALID_CHARACTERS, null);
        return null;
      }
      return value;
    }

    LocalDate date(ImportColumn column) {
      String value = cell(column);
      if (value == null) {
        return null;
      }
      try {
        LocalDate date = LocalDate.parse(value, DAY);
        if (date.isAfter(today)) {
          problem(column, "in-future", null);
          return null;
        }
        if (date.getYear() < 1900) {
          problem(column, "invalid-date", null);
          return null;
        }
        return date;
      } catch (DateTimeParseException e) {
        problem(column, "invalid-date", null);
        return null;
      }
    }

    String sex() {
      String value = cell(ImportColumn.SEX);
      if (value == null) {
        return null;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "nam", "male", "m" -> RosterFields.MALE;
        case "nữ", "nu", "female", "f" -> RosterFields.FEMALE;
        default -> {
          problem(ImportColumn.SEX, "invalid-sex", null);
          yield null;
        }
      };
    }

    String card() {
      String value = cell(ImportColumn.CARD_NUMBER);
      if (value == null) {
        return null;
      }
      if (!CARD.matcher(value).matches()) {
        problem(ImportColumn.CARD_NUMBER, "invalid-card", null);
        return null;
      }
      Integer first = seen.putIfAbsent(value, row);
      if (first != null) {
        problem(ImportColumn.CARD_NUMBER, "card-duplicated", first);
        return null;
      }
      CardHolder holder = cards.get(value);
      if (holder != null && !organizationId.equals(holder.organizationId())) {
        problem(ImportColumn.CARD_NUMBER, "card-taken", holder.organizationId());
        return null;
      }
      return value;
    }

    /**
     * The account named for the row: a new member's sign-in (unique in the file, not another member's); for a known
     * card it must be the member's own.
     */
    String account(String card) {
      String value = cell(ImportColumn.ACCOUNT);
      if (value == null) {
        return null;
      }
      if (!ACCOUNT.matcher(value).matches()) {
        problem(ImportColumn.ACCOUNT, "invalid-account", null);
        return null;
      }
      Integer first = seenAccounts.putIfAbsent(value, row);
      if (first != null) {
        problem(ImportColumn.ACCOUNT, "account-duplicated", first);
        return null;
      }
      String holder = accounts.apply(value);
      CardHolder cardHolder = card == null ? null : cards.get(card);
      boolean own = cardHolder != null && value.equals(cardHolder.memberId());
      if (cardHolder != null && !own) {
        problem(
            ImportColumn.ACCOUNT, "account-taken", null); // a known card keeps its member's account
        return null;
      }
      if (!own && ("MEMBER".equals(holder) || ("USER".equals(holder) && !mayAdopt))) {
        problem(ImportColumn.ACCOUNT, "account-taken", null);
        return null;
      }
      return value;
    }

    String branch() {
      String value = cell(ImportColumn.BRANCH);
      if (value == null) {
        return null;
      }
      String id = branches.get(key(value));
      if (id == null) {
        problem(
            ImportColumn.BRANCH,
            "unknown-branch",
            value.length() > 100 ? value.substring(0, 100) : value);
      }
      return id;
    }

    boolean yesNo(ImportColumn column) {
      Integer index = where.get(column);
      if (index == null || flagged.contains(index)) {
        return false;
      }
      String value = cells.get(column).toLowerCase(Locale.ROOT);
      if (YES.contains(value)) {
        return true;
      }
      if (!NO.contains(value)) {
        problem(column, "invalid-yes-no", null);
      }
      return false;
    }

    String pattern(ImportColumn column, Pattern pattern, int max, String reason) {
      String value = cell(column);
      if (value == null) {
        return null;
      }
      if (value.length() > max || !pattern.matcher(value).matches()) {
        problem(column, reason, null);
        return null;
      }
      return value;
    }
  }

  /** How branch codes and names are matched: NFC, lower case, spaces collapsed. */
  static String key(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
