package id.peduli.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException;
import java.io.IOException;
import java.util.Locale;

/** The checks every JSON body passes before a handler reads it: media type, size, syntax, an object at the top. */
public final class Body {
    public static final int MAX_BYTES = 64 * 1024;

    private Body() {}

    /** Refusal of the body as a whole, answered with its own status (400, 413, 415). */
    public static final class Rejected extends RuntimeException {
        private final transient HttpResponse response;

        Rejected(HttpResponse response) {
            super(null, null, false, false);
            this.response = response;
        }

        public HttpResponse response() {
            return response;
        }
    }

    public static ObjectNode object(HttpRequest request) {
        String type = request.header("content-type");
        if (type == null || !type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals("application/json")) {
            throw new Rejected(Problems.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json."));
        }
        if (request.body().length > MAX_BYTES) {
            throw new Rejected(Problems.of(413, "payload-too-large", "Payload too large",
                    "The body must not exceed " + MAX_BYTES + " bytes."));
        }
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (IOException e) {
            throw new Rejected(Problems.of(400, "malformed-json", "Malformed JSON",
                    "The body is not well-formed JSON (UTF-8, one value, no duplicate keys)."));
        }
        if (!node.isObject()) {
            throw new DomainException.Invalid("", "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
