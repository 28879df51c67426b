package id.peduli.appeals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Idempotency;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import java.time.Clock;
import java.time.Instant;

/** {@code POST /appeals}: anyone reports a patient who needs help. */
public final class SubmitAppealHandler extends HttpFunction {
    private final Stores stores;
    private final Idempotency idempotency;
    private final Clock clock;

    public SubmitAppealHandler() {
        this(Stores.fromEnvironment(), Clock.systemUTC());
    }

    public SubmitAppealHandler(Stores stores, Clock clock) {
        this.stores = stores;
        this.idempotency = new Idempotency(stores.idempotency());
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Idempotency.Key key = Idempotency.of(request, "POST /appeals");
        return idempotency.once(key, () -> {
            Instant now = clock.instant();
            Appeal appeal = AppealForm.read(body, now);
            ObjectNode created = Json.object();
            created.put("id", appeal.id());
            created.put("status", appeal.status().name());
            created.put("regionCode", appeal.regionCode().value());
            created.put("createdAt", Times.format(appeal.createdAt()));
            HttpResponse response = HttpResponse.json(201, created).withHeader("location", "/appeals/" + appeal.id());
            stores.appeals().create(appeal, Idempotency.record(key, response, now));
            return response;
        });
    }
}
