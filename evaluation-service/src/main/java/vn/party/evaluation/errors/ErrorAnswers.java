package vn.party.evaluation.errors;

import vn.party.evaluation.portal.PagesLanguage;

/** Which kind of answer an error gets: problem details for the APIs, the error page for people. */
final class ErrorAnswers {

  private ErrorAnswers() {}

  static boolean wantsJson(String path, String accept) {
    return PagesLanguage.wantsJson(path, accept);
  }

  /** The path as the problem's instance: only characters that are safe in a URI and in JSON. */
  static String safePath(String path) {
    String safe = path.replaceAll("[^A-Za-z0-9/._~%-]", "");
    return safe.isEmpty() ? "/" : safe;
  }
}
