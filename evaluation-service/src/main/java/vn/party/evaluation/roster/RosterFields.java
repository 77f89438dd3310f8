package vn.party.evaluation.roster;

import java.time.LocalDate;
import java.util.List;

/** The roster facts that may be changed, by their API names, and how to read each from a {@link MemberRoster}. */
public final class RosterFields {

  public static final String MEMBERSHIP = "membership";
  public static final String ADMITTED_ON = "admittedOn";
  public static final String EXEMPTED = "exempted";
  public static final String SUSPENDED = "suspended";
  public static final String LEADERSHIP = "leadership";
  public static final String CIVIL_SERVANT = "civilServant";
  public static final String LEADERSHIP_POST = "leadershipPost";

  /** Which unit the member heads (its secretary): BRANCH, ORGANIZATION or null. */
  public static final String HEAD_OF = "headOf";

  /** Why the record changes (e.g. the decision number): required with every change. */
  public static final String REASON = "reason";

  /** The changeable facts, in the order the page and the change records list them. */
  public static final List<String> CHANGEABLE =
      List.of(
          MEMBERSHIP,
          ADMITTED_ON,
          EXEMPTED,
          SUSPENDED,
          LEADERSHIP,
          CIVIL_SERVANT,
          LEADERSHIP_POST,
          HEAD_OF);

  public static final List<String> MEMBERSHIPS = List.of("OFFICIAL", "PROBATIONARY");
  public static final List<String> LEADERSHIPS =
      List.of("BRANCH_COMMITTEE", "ORGANIZATION_COMMITTEE");

  /** The sex as the roster keeps it (the import reads "Nam"/"Nữ" and their English words). */
  public static final String MALE = "MALE";

  public static final String FEMALE = "FEMALE";

  public static final List<String> SEXES = List.of(MALE, FEMALE);

  /** BRANCH: bí thư of the member's own branch; ORGANIZATION: bí thư of the member's grassroots organization. */
  public static final List<String> HEADS = List.of("BRANCH", "ORGANIZATION");

  /** The field's value as the API shows it: a date as {@code yyyy-MM-dd}. */
  public static Object valueOf(MemberRoster roster, String field) {
    return switch (field) {
      case MEMBERSHIP -> roster.membership();
      case ADMITTED_ON -> roster.admittedOn() == null ? null : roster.admittedOn().toString();
      case EXEMPTED -> roster.exempted();
      case SUSPENDED -> roster.suspended();
      case LEADERSHIP -> roster.leadership();
      case CIVIL_SERVANT -> roster.civilServant();
      case LEADERSHIP_POST -> roster.leadershipPost();
      case HEAD_OF -> roster.headOf();
      default -> throw new IllegalArgumentException("not a roster field: " + field);
    };
  }

  /** The value an edit carries, as the API shows it. */
  static Object shown(Object value) {
    return value instanceof LocalDate date ? date.toString() : value;
  }

  private RosterFields() {}
}
