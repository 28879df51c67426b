package id.peduli.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Problems;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /_local/token}: mints an officer token from the local issuer. Never deployed. */
public final class LocalTokenRoute {
    private LocalTokenRoute() {}

    public static HttpResponse handle(LocalIssuer issuer, byte[] body) {
        JsonNode request;
        try {
            request = Json.parse(body);
        } catch (Exception e) {
            return Problems.badRequest("Send {\"sub\",\"groups\",\"ttlSeconds\"} as JSON.");
        }
        String sub = request.path("sub").asText("");
        long ttl = request.path("ttlSeconds").asLong(3600);
        if (sub.isBlank() || sub.length() > 128 || ttl < 1 || ttl > 86_400 || !request.path("groups").isArray() && request.has("groups")) {
            return Problems.badRequest("sub is required (1..128 chars), groups an array of strings, ttlSeconds 1..86400.");
        }
        List<String> groups = new ArrayList<>();
        request.path("groups").forEach(g -> groups.add(g.asText()));
        try {
            ObjectNode answer = Json.object();
            answer.put("token", issuer.mint(sub, groups, ttl));
            return HttpResponse.json(200, answer);
        } catch (Exception e) {
            return Problems.internal("local-token");
        }
    }
}
