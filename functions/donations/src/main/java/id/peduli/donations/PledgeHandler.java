package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import id.peduli.core.Secrets;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Payment;
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
import id.peduli.core.http.Problems;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.service.Ledger;
import id.peduli.core.service.Pledges;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.donations.gateway.GatewayException;
import id.peduli.donations.gateway.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /appeals/{id}/donations}: a donor pledges, and the payment is created at the provider before the
 * answer, which hands out where to pay. The pledge is stored first, so there is never a payment at the provider
 * without its donation here. With an {@code Idempotency-Key} the pledge's ids are derived from the key, so a retry
 * after a 502, a 503 or a crash finds the same pledge and completes it: it reuses a payment the provider already
 * holds where the provider can be asked (Xendit), and a claim on the pledge keeps two attempts from both creating
 * one. Only the 201 is kept as the key's answer.
 */
public final class PledgeHandler extends HttpFunction {
    static final long MIN_AMOUNT = 10_000;
    static final long MAX_AMOUNT = 100_000_000;
    /** How long a pledge waits for its payment; the gateways' own default expiry. */
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    /** Longer than a provider call may take (8 s), so a claim outlives the attempt that holds it. */
    static final Duration CLAIM = Duration.ofSeconds(20);

    private final Stores stores;
    private final AppealQueries queries;
    private final Ledger ledger;
    private final Pledges pledges;
    private final Gateways gateways;
    private final Idempotency idempotency;
    private final String webOrigin;
    private final Clock clock;

    public PledgeHandler() {
        this(Wiring.stores(), Gateways.fromEnvironment(), Config.require("WEB_ORIGIN"), Clock.systemUTC());
    }

    public PledgeHandler(Stores stores, Gateways gateways, String webOrigin, Clock clock) {
        this.stores = stores;
        this.queries = new AppealQueries(stores.appeals());
        this.ledger = new Ledger(stores);
        this.pledges = new Pledges(stores);
        this.gateways = gateways;
        this.idempotency = new Idempotency(stores.idempotency());
        this.webOrigin = webOrigin.endsWith("/") ? webOrigin.substring(0, webOrigin.length() - 1) : webOrigin;
        this.clock = clock;
    }

    /** The pledge as the donor sent it. */
    private record Form(long amount, String donorName, boolean anonymous, String message, Provider provider, String email) {}

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Appeal appeal = queries.publicAppeal(request.path("id")).appeal();
        Idempotency.Key key = Idempotency.of(request, "POST /appeals/" + appeal.id() + "/donations");
        return idempotency.once(key, () -> pledge(appeal, read(body), key));
    }

    /** A new pledge, or the one an earlier attempt with the same key stored, completed and answered. */
    private HttpResponse pledge(Appeal appeal, Form form, Idempotency.Key key) {
        Instant now = Times.truncate(clock.instant());
        if (key == null) {
            Donation donation = pledged(appeal, form, Ids.newId(), "peduli-" + Ids.newId(), now);
            pledges.store(donation, null);
            return pay(donation, null, false, now);
        }
        String material = key.scope() + "\n" + key.key();
        String orderId = "peduli-" + Secrets.id("pledge-order", material);
        Optional<DonationStore.Pledge> earlier = stores.donations().pledgeOf(orderId);
        if (earlier.isEmpty()) {
            Donation donation = pledged(appeal, form, Secrets.id("pledge-receipt", material), orderId, now);
            if (pledges.store(donation, key.requestHash())) {
                return pay(donation, key, false, now);
            }
            earlier = stores.donations().pledgeOf(orderId); // a concurrent attempt with the key stored it first
        }
        DonationStore.Pledge pledge = earlier.orElseThrow();
        if (!key.requestHash().equals(pledge.requestHash())) {
            throw new DomainException.Conflict("This Idempotency-Key was already used with a different body.");
        }
        return pay(pledge.donation(), key, true, now);
    }

    private Donation pledged(Appeal appeal, Form form, String id, String orderId, Instant now) {
        if (!appeal.status().acceptsPledges()) {
            throw new DomainException.Conflict("This appeal is " + appeal.status() + " and accepts no new pledges.");
        }
        return Donation.pledged(id, orderId, appeal.id(), Rupiah.of(form.amount()), form.donorName(), form.anonymous(),
                form.message(), form.provider(), form.email(), now, now.plus(PAYMENT_WINDOW));
    }

    /** Completes a stored pledge: its payment created at the provider (or found there), stored, and answered. */
    private HttpResponse pay(Donation donation, Idempotency.Key key, boolean resumed, Instant now) {
        if (donation.payment() != null) {
            return created(donation);
        }
        if (donation.status() != DonationStatus.PENDING) {
            return interrupted(502, "pledge-failed", "Pledge failed",
                    "This pledge can no longer be paid; pledge again (with a new Idempotency-Key).", donation);
        }
        if (!pledges.claim(donation, now, now.plus(CLAIM))) {
            Donation current = stores.donations().byOrderId(donation.orderId()).orElseThrow();
            if (current.payment() != null) {
                return created(current);
            }
            throw new DomainException.Conflict("This pledge is being completed by another request; retry shortly.");
        }
        boolean done = false;
        try {
            HttpResponse response = createPayment(donation, key, resumed, now);
            done = true;
            return response;
        } finally {
            if (!done) {
                releaseQuietly(donation);
            }
        }
    }

    /** The payment created (or found) at the provider and stored with the pledge, under the claim taken. */
    private HttpResponse createPayment(Donation donation, Idempotency.Key key, boolean resumed, Instant now) {
        PaymentGateway gateway = gateways.of(donation.provider());
        Payment payment;
        try {
            payment = (resumed ? gateway.existing(donation.orderId()) : Optional.<Payment>empty())
                    .orElseGet(() -> gateway.create(order(donation, now)));
        } catch (GatewayException.OrderExists e) {
            Optional<Payment> held = gateway.existing(donation.orderId());
            if (held.isEmpty()) {
                ledger.apply(donation, DonationStatus.FAILED, now);
                return interrupted(502, "pledge-failed", "Pledge failed", "The payment provider already holds this "
                        + "order and gives no second payment page for it; pledge again (with a new Idempotency-Key).",
                        donation);
            }
            payment = held.get();
        } catch (GatewayException.Unavailable e) {
            releaseQuietly(donation);
            return interrupted(503, "provider-unavailable", "Payment provider unavailable",
                    e.detail() + " Nothing was charged; retry with the same Idempotency-Key.", donation)
                    .withHeader("retry-after", "5");
        } catch (GatewayException.Refused e) {
            releaseQuietly(donation);
            return interrupted(502, "provider-refused", "Payment provider refused", e.detail()
                    + " Nothing was charged; retry with the same Idempotency-Key, or try the other provider.", donation);
        }
        HttpResponse response = created(donation.withPayment(payment));
        try {
            if (pledges.attachPayment(donation, payment, Idempotency.record(key, response, now))) {
                return response;
            }
        } catch (IdempotencyConflict e) {
            return idempotency.replayAfterRace(key);
        }
        Donation current = stores.donations().byOrderId(donation.orderId()).orElseThrow();
        if (current.payment() != null) {
            return created(current);
        }
        throw new DomainException.Conflict("This pledge is " + current.status() + " and can no longer be paid.");
    }

    /**
     * Gives up the claim after an attempt that ended without storing a payment, so the donor's retry need not wait
     * for it to expire. If storage is down this fails too, and the claim simply runs out.
     */
    private void releaseQuietly(Donation donation) {
        try {
            pledges.release(donation);
        } catch (RuntimeException e) {
            // the claim expires on its own after CLAIM
        }
    }

    private PaymentGateway.Order order(Donation donation, Instant now) {
        String name = donation.anonymous() ? null : donation.donorName();
        return new PaymentGateway.Order(donation.orderId(), donation.appealId(), donation.amount().value(), name,
                donation.email(), now, donation.expiresAt(), webOrigin + "/donasi/" + donation.id());
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
    private static HttpResponse interrupted(int status, String slug, String title, String detail, Donation d) {
        ObjectNode doc = Problems.document(status, slug, title, detail);
        doc.put("id", d.id());
        doc.put("orderId", d.orderId());
        return HttpResponse.problem(status, doc);
    }

    private static Form read(ObjectNode body) {
        Input in = Input.of(body).allow("amount", "donorName", "anonymous", "message", "provider", "email");
        Long amount = in.money("amount", MIN_AMOUNT, MAX_AMOUNT, true);
        String donorName = in.text("donorName", 0, 100, false);
        Boolean anonymous = in.bool("anonymous", false);
        String message = in.text("message", 0, 280, false);
        Provider provider = in.choice("provider", Provider.class, Provider::wireName, true);
        String email = in.email("email", false);
        in.check();
        return new Form(amount, donorName == null || donorName.isBlank() ? null : donorName,
                Boolean.TRUE.equals(anonymous), message == null || message.isBlank() ? null : message, provider, email);
    }
}
