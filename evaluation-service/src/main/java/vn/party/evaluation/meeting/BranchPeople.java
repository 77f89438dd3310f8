package vn.party.evaluation.meeting;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The branch's people the minutes name as chair (chủ trì) and clerk (thư ký), picked by name on the meeting page,
 * and whether the attendance lists one of them as absent.
 */
@Component
public class BranchPeople {

  /** A member of the branch; {@code secretary} when heading it (head_of = BRANCH). */
  public record Person(String id, String name, boolean secretary) {}

  private final JdbcClient jdbc;

  BranchPeople(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The branch's active members by name, its secretary among them. */
  public List<Person> of(String branchId) {
    return jdbc.sql(
            """
            select id, full_name as name, coalesce(head_of = 'BRANCH', false) as secretary
            from evaluation.party_member where branch_id = :b and status = 'ACTIVE' order by full_name""")
        .param("b", branchId)
        .query(Person.class)
        .list();
  }

  /** The branch's secretary, who chairs by default. */
  static Optional<Person> secretary(List<Person> people) {
    return people.stream().filter(Person::secretary).findFirst();
  }

  static Optional<Person> find(List<Person> people, String id) {
    return people.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * Whether the attendance's free text names {@code person} as absent: by the full name, or by the given name alone
   * ("Đồng chí An (ốm)") when nobody else in the branch has it. Case does not matter; accents do ("Ân" is not "An").
   */
  public static boolean listedAbsent(String absentNames, Person person, List<Person> people) {
    if (absentNames == null || absentNames.isBlank()) {
      return false;
    }
    String absent = plain(absentNames);
    if (word(plain(person.name())).matcher(absent).find()) {
      return true;
    }
    String given = givenName(person.name());
    long sharing = people.stream().filter(p -> givenName(p.name()).equals(given)).count();
    return sharing <= 1 && word(given).matcher(absent).find();
  }

  private static String givenName(String fullName) {
    String[] words = plain(fullName).split("\\s+");
    return words[words.length - 1];
  }

  private static Pattern word(String text) {
    return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])");
  }

  /** Composed (NFC), lower case, single spaces. */
  private static String plain(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .toLowerCase(Locale.forLanguageTag("vi"))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
