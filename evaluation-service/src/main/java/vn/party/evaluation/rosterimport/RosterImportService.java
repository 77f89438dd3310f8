package vn.party.evaluation.rosterimport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.account.EmailChanges;
import vn.party.evaluation.account.MemberAccounts;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;

/**
 * The roster import: a file is checked and previewed (every problem by row and column, in Vietnamese and English, and
 * what the commit would do) without writing any member; the commit checks the kept file again and writes all its rows
 * or none, in one transaction. Members are matched by card number: a new card is a new member (with a sign-in and a
 * one-time password), a known one is updated where the file differs, each change recorded in the member's roster
 * history with the file's name and the time as the reason; the same file again changes nothing. Members the file
 * does not name are left as they are (a member leaves through a movement, not by missing from a list).
 */
@Service
public class RosterImportService {

  /** Larger files are refused before reading: 50,000 rows of the template are about 5 MB as XLSX, 8 MB as CSV. */
  public static final int MAX_BYTES = 40 * 1024 * 1024;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private static final Locale VI = Locale.forLanguageTag("vi");

  /**
   * Rows checked and written together: their ids looked up at once, their new members' accounts created in one
   * engine command.
   */
  static final int CHUNK = 500;

  /** Longer cells are no account and no card: not looked up. */
  private static final int MAX_ID = 100;

  /**
   * What a preview shows. {@code problems} holds every problem; {@code problemsTotal} counts them. {@code adoptions}:
   * the rows whose new member takes over a sign-in that exists already (eighth session's outsider, 3c: the preview did
   * not say so, and the commit reset it).
   */
  public record Preview(
      UUID id,
      String organizationId,
      String fileName,
      String format,
      String status,
      int rows,
      int toCreate,
      int toUpdate,
      int unchanged,
      int problemsTotal,
      List<ImportProblem> problems,
      List<Adoption> adoptions) {}

  /**
   * A row whose new member's account column names a sign-in that exists and is no member's (made by an administrator
   * in the engine, say): the commit takes it over — a new one-time password (the old one stops working), the roster's
   * name and address, the members' group. The row as the spreadsheet numbers it, the sign-in, its name now (null: none)
   * and the sentence in Vietnamese and in English.
   */
  public record Adoption(
      int row, String account, String currentName, String message, String messageEn) {}

  /** An account created by the commit, with its one-time password: shown once, kept nowhere. */
  public record NewAccount(
      String memberId, String fullName, String cardNumber, String oneTimePassword) {}

  public record Result(
      UUID id,
      String fileName,
      int created,
      int updated,
      int unchanged,
      List<NewAccount> accounts) {}

  /** How far a running commit is: rows written of rows in the file. */
  public record Progress(UUID id, int done, int total, boolean finished) {}

  private final RosterImports imports;
  private final MessageSource messages;
  private final MemberAccounts accounts;
  private final EmailChanges emailChanges;
  private final ZoneId zone;
  private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

  public RosterImportService(
      RosterImports imports,
      MessageSource messages,
      MemberAccounts accounts,
      EmailChanges emailChanges,
      @Value("${evaluation.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.imports = imports;
    this.messages = messages;
    this.accounts = accounts;
    this.emailChanges = emailChanges;
    this.zone = ZoneId.of(zone);
  }

  /** Administrators and the organization's grassroots committee; auditors never. */
  static boolean mayImport(String organizationId, CurrentUser user) {
    if (user.isAuditor() && !user.isAdmin()) {
      return false;
    }
    return user.isAdmin() || user.inOrganizationCommittee(organizationId);
  }

  /** Reads and checks the file, keeps it for the commit, writes no member. */
  @Transactional
  public Preview preview(String organizationId, String fileName, byte[] content, CurrentUser user) {
    if (organizationId == null || !imports.organizationExists(organizationId)) {
      throw ApiException.notFound("error.organization.not-found", organizationId);
    }
    if (!mayImport(organizationId, user)) {
      throw ApiException.forbidden();
    }
    String name = fileName == null || fileName.isBlank() ? "roster" : fileName.strip();
    if (name.length() > 300 || name.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.invalid(List.of(new FieldProblem("fileName", "invalid", null)));
    }
    if (content == null || content.length == 0) {
      throw ApiException.invalid(List.of(new FieldProblem("file", "required", null)));
    }
    if (content.length > MAX_BYTES) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE, "error.import.too-large", List.of(), MAX_BYTES);
    }
    String format = formatOf(name, content);
    Checked checked = check(organizationId, format, content, null, user);
    UUID id = UUID.randomUUID();
    imports.save(
        id,
        organizationId,
        name,
        format,
        sha256(content),
        content,
        user.userId(),
        checked.rows,
        checked.checker.problems().size());
    return new Preview(
        id,
        organizationId,
        name,
        format,
        "PREVIEWED",
        checked.rows,
        checked.toCreate,
        checked.toUpdate,
        checked.unchanged,
        checked.checker.problems().size(),
        checked.checker.problems(),
        checked.adoptions);
  }

  /** The import found, if the user may import into its organization: 404 when there is none, else 403. */
  private RosterImports.Import permitted(
      UUID id, Optional<RosterImports.Import> found, CurrentUser user) {
    RosterImports.Import kept =
        found.orElseThrow(() -> ApiException.notFound("error.import.not-found", id));
    if (!mayImport(kept.organizationId(), user)) {
      throw ApiException.forbidden();
    }
    return kept;
  }

  public Preview preview(UUID id, CurrentUser user) {
    RosterImports.Import kept = permitted(id, imports.find(id), user);
    if ("COMMITTED".equals(kept.status())) {
      return new Preview(
          id,
          kept.organizationId(),
          kept.fileName(),
          kept.format(),
          kept.status(),
          kept.rowsTotal(),
          kept.membersCreated(),
          kept.membersUpdated(),
          kept.membersUnchanged(),
          0,
          List.of(),
          List.of());
    }
    Checked checked = check(kept.organizationId(), kept.format(), imports.content(id), null, user);
    return new Preview(
        id,
        kept.organizationId(),
        kept.fileName(),
        kept.format(),
        kept.status(),
        checked.rows,
        checked.toCreate,
        checked.toUpdate,
        checked.unchanged,
        checked.checker.problems().size(),
        checked.checker.problems(),
        checked.adoptions);
  }

  public List<RosterImports.Import> recent(String organizationId, CurrentUser user) {
    if (!mayImport(organizationId, user)) {
      throw ApiException.forbidden();
    }
    return imports.ofOrganization(organizationId);
  }

  public Progress progress(UUID id, CurrentUser user) {
    RosterImports.Import kept = permitted(id, imports.find(id), user);
    return progress.getOrDefault(
        id,
        new Progress(
            id,
            "COMMITTED".equals(kept.status()) ? kept.rowsTotal() : 0,
            kept.rowsTotal(),
            "COMMITTED".equals(kept.status())));
  }

  /**
   * Writes every row or none: 409 when already committed, 400 with the problems when the file (checked again against
   * the roster as it is now) has any.
   */
  @Transactional
  public Result commit(UUID id, CurrentUser user) {
    RosterImports.Import kept = permitted(id, imports.lock(id), user);
    if ("COMMITTED".equals(kept.status())) {
      throw ApiException.conflict("error.import.committed", kept.fileName());
    }
    progress.put(id, new Progress(id, 0, kept.rowsTotal(), false));
    try {
      String reason =
          messages.getMessage(
              "import.reason",
              new Object[] {kept.fileName(), OffsetDateTime.now(zone).format(STAMP)},
              Locale.forLanguageTag("vi"));
      Writer writer = new Writer(id, kept.rowsTotal(), user.userId(), reason);
      Checked checked =
          check(kept.organizationId(), kept.format(), imports.content(id), writer, user);
      if (!checked.checker.problems().isEmpty()) {
        throw ApiException.invalid(
            checked.checker.problems().stream()
                .limit(200)
                .map(
                    p ->
                        new FieldProblem(
                            "row " + p.row() + " " + p.column(), p.reason(), p.message()))
                .toList());
      }
      imports.committed(id, user.userId(), writer.created, writer.updated, writer.unchanged);
      return new Result(
          id,
          kept.fileName(),
          writer.created,
          writer.updated,
          writer.unchanged,
          writer.newAccounts);
    } finally {
      progress.put(id, new Progress(id, kept.rowsTotal(), kept.rowsTotal(), true));
    }
  }

  private static final class Checked {
    RowChecker checker;
    int rows;
    int toCreate;
    int toUpdate;
    int unchanged;
    final List<Adoption> adoptions = new ArrayList<>();
  }

  /**
   * Reads the file once, checking each row; with a writer, each good row is written as it is read (the transaction
   * is rolled back whole when a later row has a problem). The rows are checked and written a chunk at a time
   * ({@link #CHUNK}): the ids a chunk may ask about (the accounts named, the new members' ids) are looked up once for
   * the chunk, and its new members' accounts are created at its end in one engine command — never an engine command
   * per row (inside this transaction each one stays in memory until the commit: 50,000 rows ran out of heap, bench of
   * 2026-12-07).
   */
  private Checked check(
      String organizationId, String format, byte[] content, Writer writer, CurrentUser user) {
    Map<String, ExistingMember> existing = imports.members(organizationId);
    Holders holders = new Holders();
    RowChecker checker =
        new RowChecker(
            organizationId,
            imports.branches(organizationId),
            imports.cardHolders(),
            this::problem,
            LocalDate.now(zone),
            holders::holder,
            user.isAdmin());
    Checked checked = new Checked();
    checked.checker = checker;
    List<MemberRow> adopted = new ArrayList<>();
    Consumer<SheetRow> checkRow =
        row -> {
          MemberRow member = checker.check(row);
          if (member == null) {
            return;
          }
          ExistingMember before = existing.get(member.cardNumber());
          List<Map<String, Object>> changes = changes(before, member);
          if (before == null) {
            checked.toCreate++;
            if (writer == null
                && member.account() != null
                && "USER".equals(holders.holder(member.account()))) {
              adopted.add(member); // told at the chunk's end, with the sign-ins' names
            }
          } else if (changes.isEmpty()) {
            checked.unchanged++;
          } else {
            checked.toUpdate++;
          }
          if (writer != null && checker.problems().isEmpty()) {
            writer.write(before, member, changes, holders);
          }
        };
    List<SheetRow> chunk = new ArrayList<>(CHUNK);
    Runnable checkChunk =
        () -> {
          Set<String> ids = new HashSet<>();
          for (SheetRow row : chunk) {
            String account = checker.cell(row, ImportColumn.ACCOUNT);
            if (account != null && account.length() <= MAX_ID) {
              ids.add(account);
            }
            String card = checker.cell(row, ImportColumn.CARD_NUMBER);
            if (writer != null
                && card != null
                && card.length() <= MAX_ID
                && !existing.containsKey(card)) {
              ids.add(baseMemberId(card));
            }
          }
          holders.lookUp(ids);
          chunk.forEach(checkRow);
          chunk.clear();
          adoptions(adopted, checked.adoptions);
          if (writer != null && checker.problems().isEmpty()) {
            writer.createAccounts();
          }
        };
    Consumer<SheetRow> rows =
        row -> {
          if (!checker.hasHeading()) {
            checkRow.accept(row);
            return;
          }
          chunk.add(row);
          if (chunk.size() == CHUNK) {
            checkChunk.run();
          }
        };
    RosterFileReader.UnreadableFile unreadable = null;
    try {
      ("XLSX".equals(format) ? new XlsxRosterReader() : new CsvRosterReader()).read(content, rows);
    } catch (RosterFileReader.UnreadableFile e) {
      unreadable = e;
    }
    checkChunk.run(); // the rest, and the rows read before the file turned unreadable
    if (unreadable != null) {
      checker.unreadable(unreadable);
    }
    checker.finish();
    checked.rows = checker.dataRows();
    return checked;
  }

  /**
   * The preview's sentence for each row of {@code rows} (a new member taking over an existing sign-in), with the
   * sign-ins' names now (one query for the chunk), added to {@code adoptions}; {@code rows} is emptied.
   */
  private void adoptions(List<MemberRow> rows, List<Adoption> adoptions) {
    if (rows.isEmpty()) {
      return;
    }
    Map<String, String> names = accounts.names(rows.stream().map(MemberRow::account).toList());
    for (MemberRow row : rows) {
      String name = names.get(row.account());
      // the row as a text: a number would be grouped ("1.234")
      String number = String.valueOf(row.row());
      Object[] vi = {number, row.account(), named(name, VI)};
      Object[] en = {number, row.account(), named(name, Locale.ENGLISH)};
      adoptions.add(
          new Adoption(
              row.row(),
              row.account(),
              name,
              messages.getMessage("import.adoption", vi, VI),
              messages.getMessage("import.adoption", en, Locale.ENGLISH)));
    }
    rows.clear();
  }

  /** "now named …", or "without a name", in the language given. */
  private String named(String name, Locale locale) {
    return name == null
        ? messages.getMessage("import.adoption.unnamed", null, locale)
        : messages.getMessage("import.adoption.named", new Object[] {name}, locale);
  }

  /**
   * Who holds the ids the rows of a chunk ask about — "MEMBER" (a party member), "USER" (a sign-in without a member),
   * null (free) — looked up once for the chunk ({@link #lookUp}); an id not looked up (a new member's id with a
   * suffix, when the plain one is taken) is asked on its own. The ids given to the chunk's new members so far are
   * members'.
   */
  private final class Holders {
    private static final String FREE = "";
    private final Map<String, String> known = new HashMap<>();
    private final Set<String> given = new HashSet<>();

    void lookUp(Set<String> ids) {
      known.clear();
      given.clear();
      if (ids.isEmpty()) {
        return;
      }
      Set<String> members = imports.memberIdsTaken(ids);
      Set<String> users = accounts.existing(ids);
      Set<String> roles = users.isEmpty() ? Set.of() : accounts.inOtherGroups(users);
      for (String id : ids) {
        known.put(
            id,
            members.contains(id) || roles.contains(id)
                ? "MEMBER"
                : users.contains(id) ? "USER" : FREE);
      }
    }

    /**
     * A sign-in with a role beyond {@code members} counts as a member's: never adopted as a party member's (an
     * administrator's or inspector's: the member's leaving then emptied camunda-admin, seventh session's outsider; a
     * committee seat holder's: the administrator got a one-time password for the branch committee, eighth session's).
     */
    String holder(String id) {
      if (given.contains(id)) {
        return "MEMBER";
      }
      String holder =
          known.computeIfAbsent(
              id,
              alone ->
                  imports.memberIdTaken(alone) || accounts.inOtherGroups(alone)
                      ? "MEMBER"
                      : accounts.exists(alone) ? "USER" : FREE);
      return holder.equals(FREE) ? null : holder;
    }

    void given(String id) {
      given.add(id);
    }
  }

  /** Writes the rows of a commit, counting them for the progress bar. */
  private final class Writer {
    private final UUID id;
    private final int total;
    private final String by;
    private final String reason;
    int created;
    int updated;
    int unchanged;
    final List<NewAccount> newAccounts = new ArrayList<>();

    /** The accounts of the chunk's new members, created at its end ({@link #createAccounts}), with their cards. */
    private final List<MemberAccounts.NewAccount> accountsToCreate = new ArrayList<>();

    private final Map<String, String> cards = new HashMap<>();

    /** The chunk's members whose roster address changed, with the new one: their sign-ins' at its end. */
    private final Map<String, String> emailsToSet = new LinkedHashMap<>();

    Writer(UUID id, int total, String by, String reason) {
      this.id = id;
      this.total = total;
      this.by = by;
      this.reason = reason;
    }

    void write(
        ExistingMember before, MemberRow row, List<Map<String, Object>> changes, Holders holders) {
      if (before == null) {
        String memberId =
            row.account() != null ? row.account() : newMemberId(row.cardNumber(), holders);
        holders.given(memberId);
        imports.insert(memberId, row);
        imports.record(memberId, by, reason, changes);
        accountsToCreate.add(new MemberAccounts.NewAccount(memberId, row.fullName(), row.email()));
        cards.put(memberId, row.cardNumber());
        created++;
      } else if (!changes.isEmpty()) {
        if (before.id().equals(by)) {
          // recusal (issue 12): one's own facts are never changed by a file one imports
          throw ApiException.ownRecord();
        }
        boolean moved = !Objects.equals(before.branchId(), row.branchId());
        imports.update(before.id(), row, moved);
        List<Map<String, Object>> recorded = new ArrayList<>(changes);
        if (moved && "BRANCH".equals(before.headOf())) {
          recorded.add(change("headOf", "BRANCH", null));
        }
        if (moved && "BRANCH_COMMITTEE".equals(before.leadership())) {
          recorded.add(change("leadership", "BRANCH_COMMITTEE", null));
        }
        imports.record(before.id(), by, reason, recorded);
        // the address the roster had is told of the change (seventh session's outsider, 5b)
        emailChanges.changed(
            before.id(),
            before.email(),
            row.email(),
            by,
            Objects.equals(before.fullName(), row.fullName()) ? null : before.fullName());
        if (!Objects.equals(before.email(), row.email())) {
          // and the sign-in's address follows, or notices keep going to the old one
          emailsToSet.put(before.id(), row.email());
        }
        updated++;
      } else {
        unchanged++;
      }
      int done = created + updated + unchanged;
      if (done % 100 == 0 || done == total) {
        progress.put(id, new Progress(id, done, total, false));
      }
    }

    /**
     * The accounts of the new members written since the last call, with their one-time passwords (one engine
     * command); an account that existed already (a sign-in without a member, adopted by an administrator's import)
     * is signed in alike — the roster's name and address, a one-time password, the members' group (seventh session's
     * outsider, 5a: it kept the administrator's address and password) — and listed with the new ones.
     */
    void createAccounts() {
      // the sign-ins of the chunk's members whose address changed: one engine command, only those
      // that
      // exist (the change was told above, once)
      accounts.setEmails(emailsToSet);
      emailsToSet.clear();
      if (accountsToCreate.isEmpty()) {
        return;
      }
      Map<String, String> passwords = accounts.createAll(accountsToCreate, by);
      for (MemberAccounts.NewAccount account : accountsToCreate) {
        String password = passwords.get(account.memberId());
        if (password != null) {
          newAccounts.add(
              new NewAccount(
                  account.memberId(), account.fullName(), cards.get(account.memberId()), password));
        }
      }
      accountsToCreate.clear();
      cards.clear();
    }
  }

  /**
   * A member's id (also the sign-in) from the card number: "dv" and the number, lower-cased; with "-2", "-3"… when
   * that is a member's or a sign-in's already.
   */
  private static String newMemberId(String cardNumber, Holders holders) {
    String base = baseMemberId(cardNumber);
    String id = base;
    for (int n = 2; holders.holder(id) != null; n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static String baseMemberId(String cardNumber) {
    return "dv" + cardNumber.toLowerCase(Locale.ROOT);
  }

  /** The fields the file changes, by the roster's API names, before and after; every field for a new member. */
  static List<Map<String, Object>> changes(ExistingMember before, MemberRow row) {
    List<Map<String, Object>> changes = new ArrayList<>();
    diff(changes, "fullName", before == null ? null : before.fullName(), row.fullName());
    diff(changes, "cardNumber", before == null ? null : before.cardNumber(), row.cardNumber());
    diff(changes, "dateOfBirth", before == null ? null : before.dateOfBirth(), row.dateOfBirth());
    diff(changes, "sex", before == null ? null : before.sex(), row.sex());
    diff(changes, "admittedOn", before == null ? null : before.admittedOn(), row.admittedOn());
    diff(changes, "officialOn", before == null ? null : before.officialOn(), row.officialOn());
    diff(changes, "membership", before == null ? null : before.membership(), row.membership());
    diff(changes, "branchId", before == null ? null : before.branchId(), row.branchId());
    diff(changes, "partyPost", before == null ? null : before.partyPost(), row.partyPost());
    diff(changes, "statePost", before == null ? null : before.statePost(), row.statePost());
    diff(
        changes, "civilServant", before == null ? null : before.civilServant(), row.civilServant());
    diff(changes, "exempted", before == null ? null : before.exempted(), row.exempted());
    diff(changes, "suspended", before == null ? null : before.suspended(), row.suspended());
    diff(changes, "email", before == null ? null : before.email(), row.email());
    diff(changes, "phone", before == null ? null : before.phone(), row.phone());
    return changes;
  }

  private static void diff(
      List<Map<String, Object>> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.add(change(field, from, to));
    }
  }

  private static Map<String, Object> change(String field, Object from, Object to) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("field", field);
    change.put("from", from instanceof LocalDate d ? d.toString() : from);
    change.put("to", to instanceof LocalDate d ? d.toString() : to);
    return change;
  }

  private ImportProblem problem(
      int row, int columnIndex, ImportColumn column, String reason, Object extra) {
    String letter = ImportColumn.letter(columnIndex);
    String vi = column == null ? letter : column.heading();
    String en = column == null ? letter : column.englishHeading();
    Object[] viArgs = {row, letter, vi, extra == null ? "" : extra};
    Object[] enArgs = {row, letter, en, extra == null ? "" : extra};
    return new ImportProblem(
        row,
        letter,
        column == null ? null : column.heading(),
        column == null ? null : column.field(),
        reason,
        messages.getMessage(
            "import.problem." + reason, viArgs, reason, Locale.forLanguageTag("vi")),
        messages.getMessage("import.problem." + reason, enArgs, reason, Locale.ENGLISH));
  }

  /** XLSX when the bytes are a zip (whatever the name says), else CSV; a ".xlsx" that is not a zip stays XLSX. */
  static String formatOf(String fileName, byte[] content) {
    boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K';
    String lower = fileName.toLowerCase(Locale.ROOT);
    return zip || lower.endsWith(".xlsx") || lower.endsWith(".xls") ? "XLSX" : "CSV";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
