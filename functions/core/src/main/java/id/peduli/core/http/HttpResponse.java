package id.peduli.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a function answers: written back by API Gateway as status, headers and body. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public static HttpResponse json(int status, JsonNode body) {
        return new HttpResponse(status, Map.of("content-type", "application/json"), Json.write(body));
    }

    public static HttpResponse problem(int status, JsonNode body) {
        return new HttpResponse(status, Map.of("content-type", "application/problem+json"), Json.write(body));
    }

    public static HttpResponse text(int status, String contentType, String body) {
        return new HttpResponse(status, Map.of("content-type", contentType), body);
    }

    public HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponse(status, copy, body);
    }

    /** The event API Gateway expects back from the function (payload format 2.0). */
    public ObjectNode toEvent() {
        ObjectNode out = Json.object();
        out.put("statusCode", status);
        ObjectNode h = out.putObject("headers");
        headers.forEach(h::put);
        out.put("body", body);
        out.put("isBase64Encoded", false);
        return out;
    }
}
