package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Idempotency;
import id.peduli.core.http.Input;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code POST /appeals/{id}/donations}: a donor pledges; the answer's {@code orderId} goes to the gateway. */
public final class PledgeHandler extends HttpFunction {
    static final long MIN_AMOUNT = 10_000;
    static final long MAX_AMOUNT = 100_000_000;
    /** How long a pledge waits for its payment; the gateways' own default expiry. */
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);

    private final Stores stores;
    private final Idempotency idempotency;
    private final Clock clock;

    public PledgeHandler() {
        this(Stores.fromEnvironment(), Clock.systemUTC());
    }

    public PledgeHandler(Stores stores, Clock clock) {
        this.stores = stores;
        this.idempotency = new Idempotency(stores.idempotency());
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Appeal appeal = stores.publicAppeal(request.path("id")).appeal();
        Idempotency.Key key = Idempotency.of(request, "POST /appeals/" + appeal.id() + "/donations");
        return idempotency.once(key, () -> {
            Donation donation = read(body, appeal);
            ObjectNode created = Json.object();
            created.put("id", donation.id());
            created.put("orderId", donation.orderId());
            created.put("appealId", donation.appealId());
            created.put("amount", donation.amount().value());
            created.put("provider", donation.provider().wireName());
            created.put("status", donation.status().name());
            created.put("createdAt", Times.format(donation.createdAt()));
            created.put("expiresAt", Times.format(donation.expiresAt()));
            HttpResponse response = HttpResponse.json(201, created);
            stores.donations().pledge(donation, Idempotency.record(key, response, donation.createdAt()));
            return response;
        });
    }

    /** The pledge in the body, as a pending donation to {@code appeal}. */
    private Donation read(ObjectNode body, Appeal appeal) {
        Input in = Input.of(body).allow("amount", "donorName", "anonymous", "message", "provider");
        Long amount = in.money("amount", MIN_AMOUNT, MAX_AMOUNT, true);
        String donorName = in.text("donorName", 0, 100, false);
        Boolean anonymous = in.bool("anonymous", false);
        String message = in.text("message", 0, 280, false);
        Provider provider = in.choice("provider", Provider.class, Provider::wireName, true);
        in.check();
        if (!appeal.status().acceptsPledges()) {
            throw new DomainException.Conflict("This appeal is " + appeal.status() + " and accepts no new pledges.");
        }
        Instant now = Times.truncate(clock.instant());
        return new Donation(Ids.newId(), "peduli-" + Ids.newId(), appeal.id(), Rupiah.of(amount),
                donorName == null || donorName.isBlank() ? null : donorName, Boolean.TRUE.equals(anonymous),
                message == null || message.isBlank() ? null : message, provider, DonationStatus.PENDING, now,
                now.plus(PAYMENT_WINDOW), null, null, null);
    }
}
