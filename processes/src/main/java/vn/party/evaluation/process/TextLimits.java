package vn.party.evaluation.process;

/**
 * The one place where the length of every text of the system is fixed (issue 12, "one length per text"): the
 * inbound event contract, the domain API, the forms (the people's pages and the Camunda forms), the engine REST
 * API and storage all read their limit from here, so a text accepted at one door is accepted at every other and
 * stored whole. JSON schemas of the contract are written from these constants ({@code maxLength}).
 *
 * <p>Lengths count Java {@code char}s (UTF-16 code units), as {@link String#length()} and the browsers'
 * {@code maxlength} do; PostgreSQL's {@code varchar(n)} counts characters, which is never more.
 *
 * <p>Texts longer than {@link #ENGINE_VARIABLE} are kept whole in the domain tables (schema {@code evaluation},
 * {@code text} columns with a check on the same limit); the engine gets only what fits ({@link #forEngine}).
 */
public final class TextLimits {

  /**
   * Camunda 7 keeps a String variable in {@code ACT_RU_VARIABLE.TEXT_}, a {@code varchar(4000)}: nothing longer may
   * ever be handed to the engine (it failed in the database: the 500s and the lost comments of issue 12).
   */
  public static final int ENGINE_VARIABLE = 4000;

  // ----------------------------------------------------------------------------------------------
  // identifiers

  /** A member's or an organization's id ({@code memberId}, {@code organizationId}) in events and the API. */
  public static final int ID = 100;

  /** A decision's number ({@code decisionId} of the discipline events). */
  public static final int DECISION_ID = 200;

  /**
   * A name: who sent or decided something ({@code submittedBy}, {@code assessedBy}, {@code decidedBy}), a meeting's
   * place.
   */
  public static final int NAME = 300;

  // ------------------------------------------------------------------------------------ texts from
  // outside (events)

  /**
   * The residence area's comment ({@code vn.party.member.residence-feedback}, field {@code comment}): kept whole in
   * {@code evaluation.residence_feedback} and on the evaluation record; the engine variable {@code residenceComment}
   * gets {@link #forEngine} of it.
   */
  public static final int RESIDENCE_COMMENT = 10_000;

  /**
   * The unit leadership's comment ({@code vn.party.member.unit-assessment}, field {@code comment}): kept whole on the
   * evaluation record; the engine variable {@code unitComment} gets {@link #forEngine} of it.
   */
  public static final int UNIT_ASSESSMENT_COMMENT = 10_000;

  /**
   * A complaint's grounds, the same by event ({@code vn.party.member.complaint}, {@code grounds}) and by the API: the
   * committee above reads them whole in a process variable, so they must fit one.
   */
  public static final int COMPLAINT_GROUNDS = ENGINE_VARIABLE;

  // -------------------------------------------------------------------------------------------
  // texts of the forms

  /**
   * A text field of a task form that the engine keeps as a variable (comments and reasons of the branch review,
   * the decisions, the returns, the collective forms; the self-review's short texts): the same on the people's
   * pages, the domain API, Tasklist and the engine REST API.
   */
  public static final int FORM_TEXT = ENGINE_VARIABLE;

  /**
   * The self-review's long texts (Mẫu 02A/02B section I per criterion, II–IV), the same through every door: the
   * people's pages, the domain API, Tasklist and the engine REST API. Kept whole in the application's own table
   * ({@code evaluation.self_review}); a completion through Tasklist or the engine REST API hands the engine only
   * {@link #forEngine} of a longer text than {@link #ENGINE_VARIABLE} (the engine's guard cuts it and keeps the whole
   * text for the table).
   */
  public static final int SELF_REVIEW_LONG_TEXT = 20_000;

  /** A reason given with a change (a level adjustment, a roster change, a return): the engine may carry it. */
  public static final int REASON = ENGINE_VARIABLE;

  /** Appended to a text cut for the engine, saying where the whole text is. */
  public static final String CUT_MARK =
      " … [toàn văn trong hồ sơ đánh giá / full text in the evaluation record]";

  private TextLimits() {}

  /**
   * What the engine gets of a text the application keeps whole: the text itself when it fits a variable, otherwise
   * its beginning followed by {@link #CUT_MARK}, never longer than {@link #ENGINE_VARIABLE}; null stays null. A
   * surrogate pair is never split.
   */
  public static String forEngine(String text) {
    if (text == null || text.length() <= ENGINE_VARIABLE) {
      return text;
    }
    int keep = ENGINE_VARIABLE - CUT_MARK.length();
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + CUT_MARK;
  }
}
