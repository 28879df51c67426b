package id.peduli.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException.FieldError;
import java.util.List;

/** RFC 9457 problem documents. They say what is wrong in the caller's terms and nothing about our internals. */
public final class Problems {
    private static final String BASE = "https://peduli.id/problems/";

    private Problems() {}

    public static HttpResponse of(int status, String slug, String title, String detail) {
        return HttpResponse.problem(status, document(status, slug, title, detail));
    }

    public static ObjectNode document(int status, String slug, String title, String detail) {
        ObjectNode doc = Json.object();
        doc.put("type", BASE + slug);
        doc.put("title", title);
        doc.put("status", status);
        doc.put("detail", detail);
        return doc;
    }

    public static HttpResponse invalid(List<FieldError> errors) {
        ObjectNode doc = document(400, "invalid-request", "Invalid request",
                errors.size() == 1 ? errors.get(0).detail() : "The request breaks " + errors.size() + " rules; see errors.");
        ArrayNode list = doc.putArray("errors");
        for (FieldError e : errors) {
            ObjectNode item = list.addObject();
            if (e.pointer() != null) {
                item.put("pointer", e.pointer());
            }
            if (e.parameter() != null) {
                item.put("parameter", e.parameter());
            }
            item.put("detail", e.detail());
        }
        return HttpResponse.problem(400, doc);
    }

    public static HttpResponse badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    public static HttpResponse unauthorized(String detail) {
        return of(401, "unauthorized", "Unauthorized", detail);
    }

    public static HttpResponse forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static HttpResponse notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static HttpResponse conflict(String detail) {
        return of(409, "conflict", "Conflict", detail);
    }

    public static HttpResponse unprocessable(String detail) {
        return of(422, "unprocessable", "Unprocessable content", detail);
    }

    public static HttpResponse unavailable(String requestId) {
        ObjectNode doc = document(503, "unavailable", "Service unavailable",
                "The service could not complete the request now; nothing was changed. Try again.");
        doc.put("requestId", requestId);
        return HttpResponse.problem(503, doc).withHeader("retry-after", "1");
    }

    public static HttpResponse internal(String requestId) {
        ObjectNode doc = document(500, "internal", "Internal error", "Something went wrong on our side.");
        doc.put("requestId", requestId);
        return HttpResponse.problem(500, doc);
    }
}
