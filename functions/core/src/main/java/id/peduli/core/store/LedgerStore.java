package id.peduli.core.store;

import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Totals;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The appeals' public ledgers. Entries are written once and never changed. */
public interface LedgerStore {

    Optional<Totals> totals(String appealId);

    /** Up to {@code limit} entries with {@code seq > afterSeq}, ascending; fewer only at the end of the ledger. */
    List<LedgerEntry> entries(String appealId, long afterSeq, int limit);

    /**
     * Appends a disbursement if the appeal accepts them and the balance covers it, with the idempotency record the
     * entry yields.
     * @throws id.peduli.core.domain.DomainException.Conflict over balance, or the appeal does not accept disbursements
     * @throws IdempotencyConflict when another request with the same key won
     */
    LedgerEntry disburse(String appealId, Rupiah amount, String recipient, String reference, String note, String actor,
                         Instant at, Function<LedgerEntry, IdempotencyRecord> idempotency);
}
