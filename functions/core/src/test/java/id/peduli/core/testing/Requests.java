package id.peduli.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** API Gateway requests as a handler receives them, built in a line, and their answers read back. */
public final class Requests {
    private Requests() {}

    /** A request with a JSON {@code body} (or none), path parameters as pairs {@code "id", "..."}. */
    public static HttpRequest request(String body, Map<String, String> headers, Map<String, String> claims,
                                      String... pathParameters) {
        Map<String, String> path = new HashMap<>();
        for (int i = 0; i + 1 < pathParameters.length; i += 2) {
            path.put(pathParameters[i], pathParameters[i + 1]);
        }
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (body != null) {
            lower.putIfAbsent("content-type", "application/json");
        }
        return new HttpRequest("TEST", lower, Map.of(), path,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "req-1", claims);
    }

    /** The claims of an officer of {@code regions} (codes), as the authorizer passes them. */
    public static Map<String, String> officer(String subject, String... regions) {
        StringBuilder groups = new StringBuilder("[");
        for (String r : regions) {
            groups.append(groups.length() > 1 ? " " : "").append("officer:").append(r);
        }
        return Map.of("sub", subject, "cognito:groups", groups.append(']').toString());
    }

    public static JsonNode json(HttpResponse response) {
        try {
            return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
