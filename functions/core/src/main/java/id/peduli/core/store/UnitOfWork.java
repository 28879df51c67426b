package id.peduli.core.store;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;

/**
 * The writes of one business operation, gathered and then committed together: all of them, or none. Each write
 * carries the condition that makes it safe under concurrency (the version, status or sequence number that was read),
 * so a rule decided on what was read still holds when it is written. The domain decides what to write; this only
 * writes it.
 */
public interface UnitOfWork {

    /** A new appeal, its empty ledger head and its NIK index entry; the appeal and the head only if absent. */
    UnitOfWork createAppeal(Appeal appeal);

    /** {@code after} in place of {@code before}, only if nobody changed the appeal since {@code before} was read. */
    UnitOfWork replaceAppeal(Appeal before, Appeal after);

    /** A decision added to the appeal's history (as of the appeal's {@code version} after it); only if absent. */
    UnitOfWork addHistory(String appealId, HistoryEntry entry, long version);

    /** The ledger head's copy of the appeal's status set to {@code status}; only if the head exists. */
    UnitOfWork copyStatusToLedgerHead(String appealId, AppealStatus status);

    /**
     * {@code entry} appended to the ledger, whose head becomes {@code after}: only if the head's seq and status are
     * still those of {@code before}, and the entry only if absent, so the chain has no gaps and no forks.
     * @param actor who recorded the entry (an officer), or null
     */
    UnitOfWork appendToLedger(LedgerHead before, LedgerEntry entry, LedgerHead after, String actor);

    /** {@code after} in place of {@code before}, only if the donation's status is still {@code before}'s. */
    UnitOfWork moveDonation(Donation before, Donation after);

    /** The first answer to an idempotent request, only if its key is free (or its 24 hours are over). */
    UnitOfWork recordAnswer(IdempotencyRecord record);

    /**
     * Writes everything gathered in one atomic write.
     * @throws IdempotencyConflict when another request stored its answer under the same key first
     * @throws WriteConflict when a condition failed or a concurrent write held an item: nothing was written
     */
    void commit();
}
