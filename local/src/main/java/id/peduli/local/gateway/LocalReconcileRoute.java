package id.peduli.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Times;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Problems;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code POST /_local/reconcile {"asOf"}}: runs the deployed {@code ReconcilePaymentsFunction} once, now, on the
 * scheduled event EventBridge would send at {@code asOf} (default: now), and answers what it changed. Never deployed.
 */
public final class LocalReconcileRoute {
    public static final String FUNCTION = "ReconcilePaymentsFunction";

    private LocalReconcileRoute() {}

    static HttpResponse handle(Functions functions, byte[] body, String requestId) throws IOException {
        Instant asOf = Instant.now();
        if (body.length > 0) {
            JsonNode request;
            try {
                request = Json.parse(body);
            } catch (IOException e) {
                return Problems.of(400, "malformed-json", "Malformed JSON", "Send {\"asOf\": \"<RFC 3339 instant>\"} or nothing.");
            }
            if (!request.isObject()) {
                return Problems.invalid(List.of(DomainException.FieldError.at("", "the body must be a JSON object")));
            }
            for (var field : request.properties()) {
                if (!field.getKey().equals("asOf")) {
                    return Problems.invalid(List.of(DomainException.FieldError.at("/" + field.getKey(), "is not a known field")));
                }
            }
            JsonNode value = request.get("asOf");
            if (value != null && !value.isNull()) {
                try {
                    asOf = OffsetDateTime.parse(value.asText("")).toInstant();
                    if (!value.isTextual()) {
                        throw new DateTimeParseException("not a string", value.toString(), 0);
                    }
                } catch (DateTimeParseException e) {
                    return Problems.invalid(List.of(DomainException.FieldError.at("/asOf",
                            "must be an RFC 3339 instant, e.g. 2026-11-22T10:45:00.000Z")));
                }
            }
        }
        JsonNode report = functions.invoke(FUNCTION, scheduledEvent(asOf), requestId);
        return HttpResponse.json(200, report);
    }

    /** The event an EventBridge schedule delivers at {@code at}. */
    public static ObjectNode scheduledEvent(Instant at) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", java.util.UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", Times.format(at));
        event.put("region", Functions.REGION);
        event.putArray("resources").add("arn:aws:events:" + Functions.REGION + ":000000000000:rule/local-" + FUNCTION);
        event.putObject("detail");
        return event;
    }
}
