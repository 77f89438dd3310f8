package vn.party.evaluation.engine;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TextCharacters;

/**
 * Checks the query parameters of every engine REST request before the engine sees them, at both doors
 * ({@code /engine-rest}, with or without {@code /engine/default}, and the webapps' {@code /camunda/api/engine}).
 * Issue 12, outsiders' recheck: a NUL in a parameter ({@code /engine-rest/task?name=%00}) reached PostgreSQL, which
 * refused it, and {@code maxResults=-5} or {@code firstResult=-1} reached the query's LIMIT/OFFSET: each answered
 * 500. Now a 400 problem naming the parameter and the reason: characters the API refuses everywhere
 * ({@link TextCharacters}: {@code control-characters}, {@code invalid-characters}); a paging bound that is not a
 * whole number ({@code not-a-number}) or is negative ({@code out-of-range}).
 */
public class EngineRestQueryParameters implements ContainerRequestFilter {

  /** The engine's paging parameters, on every list and count resource. */
  static final Set<String> PAGING = Set.of("firstResult", "maxResults");

  @Override
  public void filter(ContainerRequestContext request) {
    List<Map<String, String>> errors = problems(request.getUriInfo().getQueryParameters(true));
    if (!errors.isEmpty()) {
      request.abortWith(EngineRestProblems.badRequest(errors));
    }
  }

  static List<Map<String, String>> problems(MultivaluedMap<String, String> parameters) {
    List<Map<String, String>> errors = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          String nameProblem = TextCharacters.problem(name);
          if (nameProblem != null) {
            // the name itself is not repeated: it holds what the reader should not see
            errors.add(Map.of("field", "(" + nameProblem + ")", "reason", nameProblem));
            return;
          }
          for (String value : values) {
            String reason = TextCharacters.problem(value);
            if (reason == null && PAGING.contains(name)) {
              reason = paging(value);
            }
            if (reason != null) {
              errors.add(Map.of("field", name, "reason", reason));
              return;
            }
          }
        });
    return errors;
  }

  private static String paging(String value) {
    try {
      return Integer.parseInt(value.strip()) < 0 ? FieldError.OUT_OF_RANGE : null;
    } catch (NumberFormatException e) {
      return FieldError.NOT_A_NUMBER;
    }
  }
}
