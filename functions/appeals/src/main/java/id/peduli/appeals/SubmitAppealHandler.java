package id.peduli.appeals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.ReporterToken;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Idempotency;
import id.peduli.core.http.Json;
import id.peduli.core.service.AppealWrites;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /appeals}: anyone reports a patient who needs help. The answer carries the reporter's token, derived
 * from the appeal's id rather than stored: the idempotency record keeps the answer without it, and the first answer
 * and every replay get it added.
 */
public final class SubmitAppealHandler extends HttpFunction {
    private final AppealWrites writes;
    private final Idempotency idempotency;
    private final Clock clock;

    public SubmitAppealHandler() {
        this(Wiring.stores(), Clock.systemUTC());
    }

    public SubmitAppealHandler(Stores stores, Clock clock) {
        this.writes = new AppealWrites(stores);
        this.idempotency = new Idempotency(stores.idempotency());
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Idempotency.Key key = Idempotency.of(request, "POST /appeals");
        return withReporterToken(idempotency.once(key, () -> {
            Instant now = clock.instant();
            Appeal appeal = AppealForm.read(body, Ids.newId(), now);
            ObjectNode created = Json.object();
            created.put("id", appeal.id());
            created.put("status", appeal.status().name());
            created.put("regionCode", appeal.regionCode().value());
            created.put("createdAt", Times.format(appeal.createdAt()));
            HttpResponse response = HttpResponse.json(201, created).withHeader("location", "/appeals/" + appeal.id());
            writes.create(appeal, Idempotency.record(key, response, now));
            return response;
        }));
    }

    private static HttpResponse withReporterToken(HttpResponse created) {
        if (created.status() != 201) {
            return created;
        }
        ObjectNode body;
        try {
            body = (ObjectNode) Json.parse(created.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        body.put("reporterToken", ReporterToken.of(body.get("id").asText()));
        return new HttpResponse(created.status(), created.headers(), Json.write(body));
    }
}
