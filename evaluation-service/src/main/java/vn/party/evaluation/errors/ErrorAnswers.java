package vn.party.evaluation.errors;

/** Which kind of answer an error gets: problem details for the APIs, the error page for people. */
final class ErrorAnswers {

  private ErrorAnswers() {}

  static boolean wantsJson(String path, String accept) {
    if (path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/engine-rest")
        || path.startsWith("/v3/api-docs")
        || path.startsWith("/actuator")) {
      return true;
    }
    boolean page = path.equals("/app") || path.startsWith("/app/") || path.equals("/login");
    return !page && accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  /** The path as the problem's instance: only characters that are safe in a URI and in JSON. */
  static String safePath(String path) {
    String safe = path.replaceAll("[^A-Za-z0-9/._~%-]", "");
    return safe.isEmpty() ? "/" : safe;
  }
}
