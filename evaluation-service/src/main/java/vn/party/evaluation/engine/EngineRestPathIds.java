package vn.party.evaluation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.sub.identity.GroupResource;
import org.camunda.bpm.engine.rest.sub.identity.TenantResource;
import org.camunda.bpm.engine.rest.sub.identity.UserResource;

/**
 * An update of a group ({@code PUT …/group/{id}}), a tenant ({@code PUT …/tenant/{id}}) or a user's profile ({@code
 * PUT …/user/{id}/profile}) names its id twice, in the path and in the body; the engine REST API loads the one in the
 * path and saves it under the one in the body. Seventh session's outsider (finding 6): a different id in the body
 * answered 409 ("changed at the same moment elsewhere", as the engine found no row of the new id to update), and one
 * naming another existing group of the same revision would have saved the first one's fields onto it. Now a 400
 * naming {@code id}, {@code differs-from-path}, before the engine is asked; the same id (or none, which the engine's
 * own check names as {@code id} required, as a blank one) passes.
 *
 * <p>Here, at the engine REST API's doors ({@code /engine-rest} in both path forms and the webapps' {@code
 * /camunda/api/engine}, which Camunda Admin calls), not in the engine's guard: only the request knows the path; the
 * engine sees the body's id alone.
 */
public class EngineRestPathIds implements ContainerRequestFilter {

  static final String DIFFERS_FROM_PATH = "differs-from-path";

  /** The bodies read: an identity's update is small; a larger one is left to the engine's own refusals. */
  private static final int LIMIT = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"PUT".equals(request.getMethod()) || !request.hasEntity() || !updatesAnIdentity(request)) {
      return;
    }
    String pathId = request.getUriInfo().getPathParameters().getFirst("id");
    if (pathId == null) {
      return;
    }
    InputStream in = request.getEntityStream();
    byte[] head = in.readNBytes(LIMIT + 1);
    if (head.length > LIMIT) {
      request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(head));
    JsonNode bodyId = bodyId(head);
    // a blank one is the engine's guard's to name (id required), as for a new one
    if (bodyId != null
        && bodyId.isTextual()
        && !bodyId.asText().isBlank()
        && !bodyId.asText().equals(pathId)) {
      request.abortWith(
          EngineRestProblems.badRequest(
              List.of(Map.of("field", "id", "reason", DIFFERS_FROM_PATH))));
    }
  }

  /**
   * The matched resource is a group's, a tenant's or a user's, and the request its update with an id in the body: a
   * user's profile ({@code /credentials} carries no id; a group's or tenant's members are resources of their own).
   */
  private static boolean updatesAnIdentity(ContainerRequestContext request) {
    List<Object> matched = request.getUriInfo().getMatchedResources();
    Object resource = matched.isEmpty() ? null : matched.get(0);
    return resource instanceof GroupResource
        || resource instanceof TenantResource
        || resource instanceof UserResource
            && request.getUriInfo().getPath().replaceAll("/+$", "").endsWith("/profile");
  }

  /** The body's {@code id}, or null: no JSON object, or none (the engine REST API's reader answers a broken body). */
  private static JsonNode bodyId(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node.get("id") : null;
    } catch (IOException e) {
      return null;
    }
  }
}
