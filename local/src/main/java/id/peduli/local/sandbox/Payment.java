package id.peduli.local.sandbox;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One transaction held by the sandbox: a Snap transaction or a Xendit invoice. What was asked at creation never
 * changes; the provider's status moves under this object's lock, so the pay page, the status API and a refund
 * arriving on different gateway threads see one order of events.
 */
final class Payment {

    enum Provider {
        MIDTRANS("midtrans", "pending", "expire"),
        XENDIT("xendit", "PENDING", "EXPIRED");

        final String id;
        final String pending;
        final String expired;

        Provider(String id, String pending, String expired) {
            this.id = id;
            this.pending = pending;
            this.expired = expired;
        }
    }

    /**
     * The provider's view of the transaction at one moment.
     *
     * @param status      the provider's own transaction status ({@code settlement}, {@code PAID}, ...)
     * @param fraudStatus Midtrans only: {@code accept}, {@code challenge} or {@code deny}
     * @param paymentType Midtrans only: {@code bank_transfer}, or {@code credit_card} once a card is challenged
     * @param updatedAt   when the status last changed
     * @param paidAt      when the money arrived, if it did
     */
    record State(String status, String fraudStatus, String paymentType, Instant updatedAt, Instant paidAt) {
        State with(String newStatus, String newFraud, Instant at) {
            return new State(newStatus, newFraud, paymentType, at, paidAt);
        }
    }

    /** Thrown by a transition the provider would not make; the sandbox answers it with {@code status}. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    final Provider provider;
    final String orderId;
    /** The Snap token or the Xendit invoice id: what the pay page's URL carries. */
    final String reference;
    /** Midtrans's own transaction_id; null for Xendit. */
    final String transactionId;
    final long amount;
    final Instant createdAt;
    final Instant expiresAt;
    /** Snap's callbacks.finish, or Xendit's success_redirect_url; null when none was given. */
    final String successUrl;
    /** Xendit's failure_redirect_url; for Snap the finish URL serves every outcome. */
    final String failureUrl;
    /** Xendit only, echoed back as the provider does. Never logged. */
    final String payerEmail;
    final String description;
    /** The virtual account the donor would pay into. */
    final String vaNumber;

    private State state;

    Payment(Provider provider, String orderId, String reference, String transactionId, long amount, Instant createdAt,
            Instant expiresAt, String successUrl, String failureUrl, String payerEmail, String description, String vaNumber) {
        this.provider = provider;
        this.orderId = orderId;
        this.reference = reference;
        this.transactionId = transactionId;
        this.amount = amount;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.successUrl = successUrl;
        this.failureUrl = failureUrl;
        this.payerEmail = payerEmail;
        this.description = description;
        this.vaNumber = vaNumber;
        this.state = new State(provider.pending, provider == Provider.MIDTRANS ? "accept" : null,
                provider == Provider.MIDTRANS ? "bank_transfer" : null, createdAt, null);
    }

    /** The state as the provider would report it now: a pending transaction past its expiry has expired. */
    synchronized State current(Instant now) {
        if (state.status().equals(provider.pending) && !now.isBefore(expiresAt)) {
            // Both providers expire unpaid transactions on their own clock; no notification is needed for the
            // status API to say so (the real ones send one, which reconciliation must not depend on).
            state = state.with(provider.expired, state.fraudStatus(), expiresAt);
        }
        return state;
    }

    /** Moves the state by {@code step}, which sees the current state and may refuse with {@link Refused}. */
    synchronized State advance(Instant now, UnaryOperator<State> step) {
        State next = step.apply(current(now));
        state = next;
        return next;
    }
}
