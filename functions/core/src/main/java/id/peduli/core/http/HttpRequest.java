package id.peduli.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.OfficerScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event a handler reads: read from the event JSON
 * directly, so a function needs no event classes and no reflection to start.
 */
public record HttpRequest(
        String routeKey,
        Map<String, String> headers,
        Map<String, String> query,
        Map<String, String> pathParameters,
        byte[] body,
        String requestId,
        Map<String, String> claims) {

    public static HttpRequest fromEvent(JsonNode event) {
        JsonNode context = event.path("requestContext");
        Map<String, String> headers = new HashMap<>();
        event.path("headers").properties().forEach(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        String body = event.path("body").isTextual() ? event.path("body").asText() : null;
        byte[] bytes = body == null ? new byte[0]
                : event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new HttpRequest(
                event.path("routeKey").asText(""),
                headers,
                strings(event.path("queryStringParameters")),
                strings(event.path("pathParameters")),
                bytes,
                context.path("requestId").asText("unknown"),
                strings(context.path("authorizer").path("jwt").path("claims")));
    }

    private static Map<String, String> strings(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return map;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String path(String name) {
        return pathParameters.get(name);
    }

    /**
     * The caller of an officer route. API Gateway's authorizer has verified the token before the function runs; no
     * claims here means the route was reached without it, which is refused as unauthenticated.
     */
    public OfficerScope officer() {
        OfficerScope scope = OfficerScope.fromClaims(claims);
        if (scope == null) {
            throw new DomainException.Unauthenticated("A valid bearer token is required.");
        }
        return scope;
    }
}
