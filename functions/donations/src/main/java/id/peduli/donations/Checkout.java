package id.peduli.donations;

import id.peduli.core.Secrets;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.service.Ledger;
import id.peduli.core.service.Pledges;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Stores;
import id.peduli.donations.gateway.GatewayException;
import id.peduli.donations.gateway.PaymentGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pledge taken to where the donor can pay. The pledge is stored first, so the provider never holds a payment
 * without its donation here; then its payment is created at the provider (or found there, for a retry) under a claim
 * that keeps two attempts from both creating one, and stored with the pledge. A retry is recognised by its
 * {@link Retry}: the pledge's ids are derived from it, so the retry finds the same pledge and completes it.
 * Knows nothing of HTTP: the caller says what the first answer to store is, and renders the outcome.
 */
final class Checkout {
    /** How long a pledge waits for its payment; the gateways' own default expiry. */
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    /** Longer than a provider call may take (8 s), so a claim outlives the attempt that holds it. */
    static final Duration CLAIM = Duration.ofSeconds(20);

    /** The pledge as the donor made it. */
    record Form(long amount, String donorName, boolean anonymous, String message, Provider provider, String email) {}

    /**
     * What makes attempts at one pledge the same: the material its ids are derived from (the idempotency key in its
     * scope) and the hash of the request, which a retry must repeat.
     */
    record Retry(String material, String requestHash) {}

    /** Where an attempt left the pledge. */
    sealed interface Outcome {
        Donation donation();
    }

    /** The pledge with where the donor pays. */
    record Payable(Donation donation) implements Outcome {}

    /** The pledge is stored but not payable now: why, and what the donor can do. */
    record Stopped(Stop stop, String detail, Donation donation) implements Outcome {}

    enum Stop {
        /** The pledge can never be paid; a new pledge can. */
        FAILED,
        /** The provider could not be reached; nothing was charged. */
        UNAVAILABLE,
        /** The provider refused the order; nothing was charged. */
        REFUSED
    }

    private final Stores stores;
    private final Ledger ledger;
    private final Pledges pledges;
    private final Gateways gateways;
    private final String webOrigin;

    Checkout(Stores stores, Gateways gateways, String webOrigin) {
        this.stores = stores;
        this.ledger = new Ledger(stores);
        this.pledges = new Pledges(stores);
        this.gateways = gateways;
        this.webOrigin = webOrigin.endsWith("/") ? webOrigin.substring(0, webOrigin.length() - 1) : webOrigin;
    }

    /**
     * A new pledge, or the one an earlier attempt of {@code retry} stored, completed.
     * @param retry null when the request cannot be recognised again
     * @param answer the first answer to keep for the request, given the payable pledge (null: none), stored in the
     *        same write as its payment
     * @throws IdempotencyConflict when a concurrent attempt stored the payment and its answer first
     */
    Outcome pledge(Appeal appeal, Form form, Retry retry, Instant now, Function<Donation, IdempotencyRecord> answer) {
        if (retry == null) {
            Donation donation = pledged(appeal, form, Ids.newId(), "peduli-" + Ids.newId(), now);
            pledges.store(donation, null);
            return pay(donation, false, now, answer);
        }
        String orderId = "peduli-" + Secrets.id("pledge-order", retry.material());
        Optional<DonationStore.Pledge> earlier = stores.donations().pledgeOf(orderId);
        if (earlier.isEmpty()) {
            Donation donation = pledged(appeal, form, Secrets.id("pledge-receipt", retry.material()), orderId, now);
            if (pledges.store(donation, retry.requestHash())) {
                return pay(donation, false, now, answer);
            }
            earlier = stores.donations().pledgeOf(orderId); // a concurrent attempt stored it first
        }
        DonationStore.Pledge pledge = earlier.orElseThrow();
        if (!retry.requestHash().equals(pledge.requestHash())) {
            throw new DomainException.Conflict("This Idempotency-Key was already used with a different body.");
        }
        return pay(pledge.donation(), true, now, answer);
    }

    private static Donation pledged(Appeal appeal, Form form, String id, String orderId, Instant now) {
        if (!appeal.status().acceptsPledges()) {
            throw new DomainException.Conflict("This appeal is " + appeal.status() + " and accepts no new pledges.");
        }
        return Donation.pledged(id, orderId, appeal.id(), Rupiah.of(form.amount()), form.donorName(), form.anonymous(),
                form.message(), form.provider(), form.email(), now, now.plus(PAYMENT_WINDOW));
    }

    /** A stored pledge completed: its payment created at the provider (or found there) and stored. */
    private Outcome pay(Donation donation, boolean resumed, Instant now, Function<Donation, IdempotencyRecord> answer) {
        if (donation.payment() != null) {
            return new Payable(donation);
        }
        if (donation.status() != DonationStatus.PENDING) {
            return new Stopped(Stop.FAILED, "This pledge can no longer be paid; pledge again (with a new Idempotency-Key).",
                    donation);
        }
        if (!pledges.claim(donation, now, now.plus(CLAIM))) {
            Donation current = stores.donations().byOrderId(donation.orderId()).orElseThrow();
            if (current.payment() != null) {
                return new Payable(current);
            }
            throw new DomainException.Conflict("This pledge is being completed by another request; retry shortly.");
        }
        try {
            return createPayment(donation, resumed, now, answer);
        } catch (IdempotencyConflict e) {
            throw e; // the concurrent attempt stored its payment, and gave up the claim with it
        } catch (RuntimeException | Error e) {
            releaseQuietly(donation);
            throw e;
        }
    }

    /** The payment created (or found) at the provider and stored with the pledge, under the claim taken. */
    private Outcome createPayment(Donation donation, boolean resumed, Instant now,
            Function<Donation, IdempotencyRecord> answer) {
        PaymentGateway gateway = gateways.of(donation.provider());
        Payment payment;
        try {
            payment = (resumed ? gateway.existing(donation.orderId()) : Optional.<Payment>empty())
                    .orElseGet(() -> gateway.create(order(donation, now)));
        } catch (GatewayException.OrderExists e) {
            Optional<Payment> held = gateway.existing(donation.orderId());
            if (held.isEmpty()) {
                ledger.apply(donation, DonationStatus.FAILED, now);
                return new Stopped(Stop.FAILED, "The payment provider already holds this order and gives no second "
                        + "payment page for it; pledge again (with a new Idempotency-Key).", donation);
            }
            payment = held.get();
        } catch (GatewayException.Unavailable e) {
            releaseQuietly(donation);
            return new Stopped(Stop.UNAVAILABLE, e.detail() + " Nothing was charged; retry with the same "
                    + "Idempotency-Key.", donation);
        } catch (GatewayException.Refused e) {
            releaseQuietly(donation);
            return new Stopped(Stop.REFUSED, e.detail() + " Nothing was charged; retry with the same Idempotency-Key, "
                    + "or try the other provider.", donation);
        }
        Donation payable = donation.withPayment(payment);
        if (pledges.attachPayment(donation, payment, answer.apply(payable))) {
            return new Payable(payable);
        }
        Donation current = stores.donations().byOrderId(donation.orderId()).orElseThrow();
        if (current.payment() != null) {
            return new Payable(current);
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
}
