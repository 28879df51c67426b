package id.peduli.core.store;

import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.LedgerEntry;
import java.time.Instant;
import java.util.Optional;

/** Pledges and the crediting of their payments. */
public interface DonationStore {

    /**
     * Stores a pending pledge, only while its appeal accepts pledges.
     * @throws id.peduli.core.domain.DomainException.Conflict when the appeal no longer does
     * @throws IdempotencyConflict when another request with the same key won
     */
    void pledge(Donation donation, IdempotencyRecord idempotency);

    Optional<Donation> byOrderId(String orderId);

    Optional<Donation> byId(String id);

    /** What applying a payment status did. */
    enum Result { APPLIED, DUPLICATE, IGNORED }

    record Applied(Result result, Donation donation, LedgerEntry entry) {}

    /**
     * Moves the donation to {@code status} if its state machine allows it, in one transaction with the ledger entry
     * and the appeal totals it implies. Safe under any number of concurrent and repeated calls.
     */
    Applied apply(Donation seen, DonationStatus status, Instant at);
}
