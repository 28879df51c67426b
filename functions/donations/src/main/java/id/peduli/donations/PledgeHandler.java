package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Idempotency;
import id.peduli.core.http.Input;
import id.peduli.core.http.Json;
import id.peduli.core.http.Problems;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /appeals/{id}/donations}: a donor pledges, and the answer hands out where to pay ({@link Checkout}).
 * With an {@code Idempotency-Key}, a retry after a 502, a 503 or a crash finds the same pledge and completes it; only
 * the 201 is kept as the key's answer. A pledge stored but not payable is answered with a problem that names it.
 */
public final class PledgeHandler extends HttpFunction {
    static final long MIN_AMOUNT = 10_000;
    static final long MAX_AMOUNT = 100_000_000;

    private final AppealQueries queries;
    private final Checkout checkout;
    private final Idempotency idempotency;
    private final Clock clock;

    public PledgeHandler() {
        this(Wiring.stores(), Gateways.fromEnvironment(), Config.require("WEB_ORIGIN"), Clock.systemUTC());
    }

    public PledgeHandler(Stores stores, Gateways gateways, String webOrigin, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.checkout = new Checkout(stores, gateways, webOrigin);
        this.idempotency = new Idempotency(stores.idempotency());
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Appeal appeal = queries.publicAppeal(request.path("id")).appeal();
        Idempotency.Key key = Idempotency.of(request, "POST /appeals/" + appeal.id() + "/donations");
        return idempotency.once(key, () -> {
            Instant now = Times.truncate(clock.instant());
            Checkout.Retry retry = key == null ? null
                    : new Checkout.Retry(key.scope() + "\n" + key.key(), key.requestHash());
            Checkout.Outcome outcome = checkout.pledge(appeal, read(body), retry, now,
                    payable -> Idempotency.record(key, created(payable), now));
            return outcome instanceof Checkout.Stopped stopped ? stopped(stopped) : created(outcome.donation());
        });
    }

    private static HttpResponse created(Donation d) {
        ObjectNode created = Json.object();
        created.put("id", d.id());
        created.put("orderId", d.orderId());
        created.put("appealId", d.appealId());
        created.put("amount", d.amount().value());
        created.put("provider", d.provider().wireName());
        created.put("status", d.status().name());
        created.put("createdAt", Times.format(d.createdAt()));
        created.put("expiresAt", Times.format(d.expiresAt()));
        ObjectNode payment = created.putObject("payment");
        payment.put("url", d.payment().url());
        payment.put("providerReference", d.payment().reference());
        return HttpResponse.json(201, created);
    }

    /** A pledge stored but not (yet) payable: the problem names it, so the donor's retry resumes it. */
    private static HttpResponse stopped(Checkout.Stopped s) {
        ObjectNode doc = switch (s.stop()) {
            case FAILED -> Problems.document(502, "pledge-failed", "Pledge failed", s.detail());
            case UNAVAILABLE -> Problems.document(503, "provider-unavailable", "Payment provider unavailable", s.detail());
            case REFUSED -> Problems.document(502, "provider-refused", "Payment provider refused", s.detail());
        };
        doc.put("id", s.donation().id());
        doc.put("orderId", s.donation().orderId());
        return s.stop() == Checkout.Stop.UNAVAILABLE ? HttpResponse.problem(503, doc).withHeader("retry-after", "5")
                : HttpResponse.problem(502, doc);
    }

    private static Checkout.Form read(ObjectNode body) {
        Input in = Input.of(body).allow("amount", "donorName", "anonymous", "message", "provider", "email");
        Long amount = in.money("amount", MIN_AMOUNT, MAX_AMOUNT, true);
        String donorName = in.text("donorName", 0, 100, false);
        Boolean anonymous = in.bool("anonymous", false);
        String message = in.text("message", 0, 280, false);
        Provider provider = in.choice("provider", Provider.class, Provider::wireName, true);
        String email = in.email("email", false);
        in.check();
        return new Checkout.Form(amount, donorName == null || donorName.isBlank() ? null : donorName,
                Boolean.TRUE.equals(anonymous), message == null || message.isBlank() ? null : message, provider, email);
    }
}
