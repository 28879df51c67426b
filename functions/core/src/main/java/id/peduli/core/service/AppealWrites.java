package id.peduli.core.service;

import id.peduli.core.documents.Documents;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Retry;
import id.peduli.core.store.Stores;
import id.peduli.core.store.UnitOfWork;
import id.peduli.core.store.WriteConflict;

/** A new appeal, and the officers' decisions on it, each one atomic write. */
public final class AppealWrites {
    /** A decision waits this many times for a credit holding the ledger head at the same moment. */
    static final int DECISION_ATTEMPTS = 5;
    private final Stores stores;

    public AppealWrites(Stores stores) {
        this.stores = stores;
    }

    /**
     * Stores a new appeal, its empty ledger head and its NIK index entry, with the idempotency record if any.
     * @throws id.peduli.core.store.IdempotencyConflict when another request with the same key stored first
     */
    public void create(Appeal appeal, IdempotencyRecord idempotency) {
        var work = stores.begin().createAppeal(appeal);
        if (idempotency != null) {
            work.recordAnswer(idempotency);
        }
        try {
            work.commit();
        } catch (WriteConflict e) {
            throw e.storageFault();
        }
    }

    /**
     * Replaces {@code before} by {@code after} and appends {@code entry} to the history, keeping the ledger head's
     * copy of the status in step, only if nobody changed the appeal since {@code before} was read.
     * @param deleteDocuments whether the decision ends a case that has documents: they are queued, in the same
     *                        write, for deletion once {@link Documents#RETENTION} has passed
     * @throws DomainException.Conflict when someone did, or a credit kept the ledger head busy throughout
     */
    public void decide(Appeal before, Appeal after, HistoryEntry entry, boolean deleteDocuments) {
        Retry.onConflict(DECISION_ATTEMPTS,
                () -> new DomainException.Conflict("The appeal is busy; decide again in a moment."), attempt -> {
            try {
                UnitOfWork work = stores.begin()
                        .replaceAppeal(before, after)
                        .addHistory(before.id(), entry, after.version())
                        // appends are conditional on the copy they read
                        .copyStatusToLedgerHead(before.id(), after.status());
                if (deleteDocuments) {
                    work.queueDocumentDeletion(before.id(), entry.at().plus(Documents.RETENTION));
                }
                work.commit();
                return null;
            } catch (WriteConflict e) {
                if (e.conditionFailed(WriteConflict.Part.APPEAL) || e.conditionFailed(WriteConflict.Part.HISTORY)) {
                    throw new DomainException.Conflict(
                            "The appeal was changed by someone else meanwhile; reload it and decide again.");
                }
                if (!e.contentionOnly()) {
                    throw e.storageFault();
                }
                throw e; // a donation credited at the same moment held the ledger head: the decision itself stands
            }
        });
    }
}
