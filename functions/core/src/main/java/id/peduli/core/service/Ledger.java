package id.peduli.core.service;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Crediting;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Retry;
import id.peduli.core.store.Stores;
import id.peduli.core.store.UnitOfWork;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Money on the appeals' ledgers: payments credited and disbursements recorded. Each reads what {@link Crediting}'s
 * rules need, lets them decide, and commits the outcome as one unit of work whose conditions are the values read; a
 * lost race reads again and decides again. Safe under any number of concurrent and repeated calls.
 */
public final class Ledger {
    static final int MAX_ATTEMPTS = 12;
    private final Stores stores;

    public Ledger(Stores stores) {
        this.stores = stores;
    }

    /**
     * Moves the donation to {@code status} if its state machine allows it, in one write with the ledger entry, the
     * ledger head and (when the target is reached) the appeal's move to FUNDED. A repeat is told by the status.
     * @param seen the donation as last read; read again after a lost race
     */
    public Crediting.Applied apply(Donation seen, DonationStatus status, Instant at) {
        return Retry.onConflict(MAX_ATTEMPTS, () -> new DomainException.Unavailable("donation contention"), attempt -> {
            Donation current = attempt == 0 ? seen : stores.donations().byOrderId(seen.orderId()).orElseThrow();
            Optional<Crediting.Applied> unchanged = Crediting.unchanged(current, status);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            LedgerHead head = Crediting.touchesLedger(status)
                    ? stores.ledger().head(current.appealId()).orElseThrow() : null;
            Crediting.Credit credit = Crediting.credit(current, status, head, at);
            UnitOfWork work = stores.begin();
            if (credit.entry() != null) {
                work.appendToLedger(head, credit.entry(), credit.head(), null);
            }
            if (credit.funds()) {
                Appeal appeal = stores.appeals().find(current.appealId()).orElseThrow();
                work.replaceAppeal(appeal, appeal.funded());
            }
            work.moveDonation(current, credit.donation());
            work.commit();
            return credit.applied();
        });
    }

    /**
     * Appends a disbursement if the appeal accepts them and the balance covers it, with the idempotency record the
     * entry yields, in one write.
     * @throws DomainException.NotFound when there is no such appeal
     * @throws DomainException.Conflict over balance, or the appeal does not accept disbursements
     * @throws id.peduli.core.store.IdempotencyConflict when another request with the same key won
     */
    public LedgerEntry disburse(String appealId, Rupiah amount, String recipient, String reference, String note,
                                String actor, Instant at, Function<LedgerEntry, IdempotencyRecord> idempotency) {
        return Retry.onConflict(MAX_ATTEMPTS, () -> new DomainException.Unavailable("ledger contention"), attempt -> {
            LedgerHead head = stores.ledger().head(appealId)
                    .orElseThrow(() -> new DomainException.NotFound("No such appeal."));
            LedgerEntry entry = Crediting.disbursement(head, amount, recipient, reference, note, at);
            // the head's write is conditional on the status read, so the status checked still holds
            UnitOfWork work = stores.begin().appendToLedger(head, entry, head.after(entry, head.appealStatus()), actor);
            IdempotencyRecord record = idempotency.apply(entry);
            if (record != null) {
                work.recordAnswer(record);
            }
            work.commit();
            return entry;
        });
    }
}
