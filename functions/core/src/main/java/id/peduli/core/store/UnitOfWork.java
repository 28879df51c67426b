package id.peduli.core.store;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Payment;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The writes of one business operation, gathered and then committed together: all of them, or none. Each write
 * carries the condition that makes it safe under concurrency (the version, status or sequence number that was read),
 * so a rule decided on what was read still holds when it is written. The domain decides what to write; this only
 * writes it. A unit of work with a single write may send it as a plain conditional write: it is atomic on its own,
 * and costs half of a transaction of one.
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

    /**
     * A new PENDING pledge and its receipt, with the hash of the request that made it (null: none): only while the
     * ledger head's copy of the appeal's status is VERIFIED ({@link WriteConflict.Part#LEDGER_HEAD}), and only if no
     * pledge with its order id exists ({@link WriteConflict.Part#DONATION}: a retry of the same request).
     */
    UnitOfWork pledge(Donation donation, String requestHash);

    /**
     * The claim on asking the provider for {@code donation}'s payment, held until {@code until}: only while the pledge
     * is PENDING, has no payment and no claim unexpired at {@code now}, so two attempts never both create a payment.
     */
    UnitOfWork claimPaymentCreation(Donation donation, Instant now, Instant until);

    /** The claim on {@code donation}'s payment given up (after a failed provider call); only if the pledge exists. */
    UnitOfWork releaseClaim(Donation donation);

    /** Where the donor pays, stored with the pledge and its claim given up: only while PENDING and without a payment. */
    UnitOfWork attachPayment(Donation donation, Payment payment);

    /**
     * A new supporting document: only while the ledger head's copy of the appeal's status is one of {@code allowed}
     * ({@link WriteConflict.Part#LEDGER_HEAD}), the appeal's document counter grows only below {@code limit}
     * ({@link WriteConflict.Part#DOCUMENT_COUNT}), and the document only if absent.
     */
    UnitOfWork addDocument(Document document, Set<AppealStatus> allowed, int limit);

    /**
     * {@code after} (READY or REJECTED) in place of {@code before}, only if its status is still {@code before}'s
     * ({@link WriteConflict.Part#DOCUMENT}); a refused document gives its place under the limit back.
     */
    UnitOfWork settleDocument(Document before, Document after);

    /**
     * The appeal's documents queued for deletion from {@code due} on (a case that ended keeps them that long, for an
     * appeal against the decision); the documents' sweep deletes them.
     */
    UnitOfWork queueDocumentDeletion(String appealId, Instant due);

    /** The appeal's documents (their records and their count) gone, and the appeal off the deletion queue. */
    UnitOfWork removeDocuments(DocumentStore.DueDeletion queued, List<Document> documents);

    /**
     * A payment that does not match its pledge, kept on the appeal for officers to review; the same mismatch reported
     * again takes its own record's place instead of piling up copies.
     */
    UnitOfWork recordAnomaly(String appealId, Anomaly anomaly);

    /** Where reconciliation's next run starts among the pending pledges; null: from the oldest. */
    UnitOfWork moveReconcileCursor(String after);

    /** The first answer to an idempotent request, only if its key is free (or its 24 hours are over). */
    UnitOfWork recordAnswer(IdempotencyRecord record);

    /**
     * Writes everything gathered in one atomic write.
     * @throws IdempotencyConflict when another request stored its answer under the same key first
     * @throws WriteConflict when a condition failed or a concurrent write held an item: nothing was written
     */
    void commit();
}
