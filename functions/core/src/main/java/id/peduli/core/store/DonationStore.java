package id.peduli.core.store;

import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Payment;
import java.time.Instant;
import java.util.Optional;

/** Pledges and their payments at the provider. What is paid is credited through a {@link UnitOfWork}. */
public interface DonationStore {

    /**
     * Stores a pending pledge, only while its appeal accepts pledges, with the hash of the request that made it.
     * @return false when a pledge with this {@code orderId} exists already (a retry of the same request)
     * @throws id.peduli.core.domain.DomainException.Conflict when the appeal does not accept pledges
     */
    boolean pledge(Donation donation, String requestHash);

    /** A stored pledge with the hash of the request that made it. */
    record Pledge(Donation donation, String requestHash) {}

    Optional<Pledge> pledgeOf(String orderId);

    Optional<Donation> byOrderId(String orderId);

    Optional<Donation> byId(String id);

    /**
     * Claims the right to ask the provider for this pledge's payment until {@code until}, so that two attempts at
     * one pledge never both create a payment. Only a PENDING pledge without a payment can be claimed.
     * @return false when another attempt holds an unexpired claim, or the pledge has its payment or left PENDING
     */
    boolean claimPaymentCreation(String orderId, Instant now, Instant until);

    /** Gives up a claim after a failed provider call, so the donor's retry need not wait for it to expire. */
    void releaseClaim(String orderId);

    /**
     * Stores where the donor pays, with the first answer for the request's idempotency key if it had one, in one
     * write; only while the pledge is PENDING and has no payment yet.
     * @return false when the pledge left PENDING or already has a payment
     * @throws IdempotencyConflict when another request with the key stored its answer first
     */
    boolean attachPayment(Donation donation, Payment payment, IdempotencyRecord idempotency);

    /**
     * PENDING donations pledged before {@code pledgedBefore}, oldest first, after the position {@code after} (null:
     * from the oldest), at most {@code limit}.
     */
    Page<Donation> pending(Instant pledgedBefore, String after, int limit);

    /** A pending donation's position in {@link #pending}'s order, to resume after it. */
    String pendingPosition(Donation donation);

    /** Where the last reconciliation run stopped (empty: at the end, or it never ran). */
    Optional<String> reconcileCursor();

    void saveReconcileCursor(String after);
}
