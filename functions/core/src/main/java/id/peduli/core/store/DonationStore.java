package id.peduli.core.store;

import id.peduli.core.domain.Donation;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads of pledges and their payments at the provider, and reconciliation's place among the pending ones; every
 * write (pledges, the claim on creating their payment, the payment, what is paid, the place) is a
 * {@link UnitOfWork}'s.
 */
public interface DonationStore {

    /** A stored pledge with the hash of the request that made it. */
    record Pledge(Donation donation, String requestHash) {}

    Optional<Pledge> pledgeOf(String orderId);

    Optional<Donation> byOrderId(String orderId);

    Optional<Donation> byId(String id);

    /**
     * PENDING donations pledged before {@code pledgedBefore}, oldest first, after the position {@code after} (null:
     * from the oldest), at most {@code limit}.
     */
    Page<Donation> pending(Instant pledgedBefore, String after, int limit);

    /** A pending donation's position in {@link #pending}'s order, to resume after it. */
    String pendingPosition(Donation donation);

    /** Where the last reconciliation run stopped (empty: at the end, or it never ran). */
    Optional<String> reconcileCursor();
}
