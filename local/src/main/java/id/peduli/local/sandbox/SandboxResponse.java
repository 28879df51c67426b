package id.peduli.local.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the sandbox answers one HTTP request with: the gateway writes it back as it is.
 *
 * @param status  the HTTP status
 * @param headers response headers, lower-case names
 * @param body    the body bytes (JSON or HTML, as {@code content-type} says); empty for none
 */
public record SandboxResponse(int status, Map<String, String> headers, byte[] body) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    static SandboxResponse json(int status, String json) {
        return new SandboxResponse(status, Map.of("content-type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse problem(int status, String json) {
        return new SandboxResponse(status, Map.of("content-type", "application/problem+json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
