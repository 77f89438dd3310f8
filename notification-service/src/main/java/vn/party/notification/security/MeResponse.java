package vn.party.notification.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of evaluation-service's {@code GET /api/v1/me}. Groups are read as JSON nodes because a
 * group may come as its id or as an object with an {@code id}.
 */
public record MeResponse(String userId, String displayName, String email, List<JsonNode> groups) {}
