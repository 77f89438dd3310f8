package vn.party.evaluation.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Which requests are answered in the people's language ({@code evaluation.portal.default-locale}, Vietnamese, whatever
 * the browser asks; English only on request, {@code ?lang=en} or the {@code lang} cookie it leaves): the people's pages,
 * the sign-in and sign-out pages, and every error page a person's browser gets — also when Tomcat or Spring answers
 * before the page's own locale resolver runs (an encoded {@code %2F}, a refused CSRF token, an unknown page: the error
 * dispatch's own path is {@code /error}, so the request's first path decides). The APIs answer in their caller's
 * Accept-Language.
 */
public final class PagesLanguage {

  /** The cookie {@code ?lang=} leaves ({@link PortalConfiguration}). */
  public static final String COOKIE = "lang";

  private PagesLanguage() {}

  /** The people's pages and the sign-in and sign-out pages. */
  public static boolean isPage(String path) {
    return path.equals("/app")
        || path.startsWith("/app/")
        || path.startsWith("/login")
        || path.startsWith("/logout");
  }

  /** An answer in JSON (problem details): the APIs, or a client that asks for JSON and not HTML outside the pages. */
  public static boolean wantsJson(String path, String accept) {
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

  /**
   * Whether the request is answered in the people's language: a page, or an error page (not problem details) for any
   * request, the first request's path deciding during an error dispatch.
   */
  public static boolean speaksPeoplesLanguage(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = original instanceof String first ? first : request.getRequestURI();
    String path = uri == null ? "/" : uri.substring(Math.min(uri.length(), contextLength(request)));
    if (isPage(path)) {
      return true;
    }
    return original != null && !wantsJson(path, request.getHeader("Accept"));
  }

  /**
   * The language a person asked for on this request ({@code lang} in the query) or earlier (the cookie); null if
   * none: then the people's language.
   */
  public static Locale requested(String query, Cookie[] cookies) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("lang=")) {
          Locale asked = known(pair.substring(5));
          if (asked != null) {
            return asked;
          }
        }
      }
    }
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
          return known(cookie.getValue());
        }
      }
    }
    return null;
  }

  /**
   * The language asked for by {@code ?lang=} on a request that failed before the pages' interceptor could read it (an
   * error dispatch keeps the first request's parameters); null if none.
   */
  public static Locale requestedOnError(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) {
      return null;
    }
    String lang = request.getParameter("lang");
    return lang == null ? null : known(lang);
  }

  private static Locale known(String tag) {
    String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    return switch (language) {
      case "en" -> Locale.ENGLISH;
      case "vi" -> PortalConfiguration.VIETNAMESE;
      default -> null;
    };
  }

  private static int contextLength(HttpServletRequest request) {
    String context = request.getContextPath();
    return context == null ? 0 : context.length();
  }
}
