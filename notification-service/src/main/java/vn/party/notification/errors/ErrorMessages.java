package vn.party.notification.errors;

/** Which message (in {@code messages*.properties}, with its {@code .title}) an error status gets. */
final class ErrorMessages {

  private ErrorMessages() {}

  static String key(int status) {
    return switch (status) {
      case 400, 401, 403, 404, 405, 413, 429, 431 -> "error.status." + status;
      default -> status >= 500 ? "error.unexpected" : "error.status.other";
    };
  }

  /** The path as the problem's instance: only characters that are safe in a URI and in JSON. */
  static String safePath(String path) {
    String safe = path == null ? "" : path.replaceAll("[^A-Za-z0-9/._~%-]", "");
    return safe.isEmpty() ? "/" : safe;
  }
}
