package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Times;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.DocumentStore;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.UnitOfWork;
import id.peduli.core.store.WriteConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * {@link UnitOfWork} on the single table: every write becomes one item of a single {@code TransactWriteItems}, its
 * condition in the write itself; a cancelled transaction is told apart by its cancellation reasons, position by
 * position. A unit of one write is sent as that write alone ({@code PutItem}, {@code UpdateItem} or
 * {@code DeleteItem} with the same condition): as atomic, at half a one-action transaction's write units.
 */
public final class DynamoUnitOfWork implements UnitOfWork {
    private final Dynamo dynamo;
    private final List<TransactWriteItem> writes = new ArrayList<>(4);
    private final List<WriteConflict.Part> parts = new ArrayList<>(4);

    public DynamoUnitOfWork(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    private UnitOfWork add(WriteConflict.Part part, TransactWriteItem write) {
        writes.add(write);
        parts.add(part);
        return this;
    }

    @Override
    public UnitOfWork createAppeal(Appeal appeal) {
        add(WriteConflict.Part.APPEAL, dynamo.putIfAbsent(Items.appeal(appeal)));
        add(WriteConflict.Part.LEDGER_HEAD, dynamo.putIfAbsent(Items.ledgerHead(LedgerHead.opened(appeal))));
        return add(WriteConflict.Part.NIK_INDEX, TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.nikIndex(appeal))).build());
    }

    @Override
    public UnitOfWork replaceAppeal(Appeal before, Appeal after) {
        return add(WriteConflict.Part.APPEAL,
                dynamo.putIfUnchanged(Items.appeal(after), Attr.VERSION, Dynamo.n(before.version())));
    }

    @Override
    public UnitOfWork addHistory(String appealId, HistoryEntry entry, long version) {
        return add(WriteConflict.Part.HISTORY, dynamo.putIfAbsent(Items.history(appealId, entry, version)));
    }

    @Override
    public UnitOfWork copyStatusToLedgerHead(String appealId, AppealStatus status) {
        return add(WriteConflict.Part.LEDGER_HEAD, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.ledgerHead(appealId))
                .updateExpression("SET #status = :status")
                .conditionExpression(Dynamo.PRESENT)
                .expressionAttributeNames(Map.of("#status", Attr.APPEAL_STATUS))
                .expressionAttributeValues(Map.of(":status", Dynamo.s(status.name())))).build());
    }

    @Override
    public UnitOfWork appendToLedger(LedgerHead before, LedgerEntry entry, LedgerHead after, String actor) {
        add(WriteConflict.Part.LEDGER_HEAD, TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.ledgerHead(after))
                .conditionExpression("#seq = :seq AND #status = :status")
                .expressionAttributeNames(Map.of("#seq", Attr.SEQ, "#status", Attr.APPEAL_STATUS))
                .expressionAttributeValues(Map.of(":seq", Dynamo.n(before.totals().seq()),
                        ":status", Dynamo.s(before.appealStatus().name())))).build());
        return add(WriteConflict.Part.LEDGER_ENTRY, dynamo.putIfAbsent(Items.ledger(before.appealId(), entry, actor)));
    }

    @Override
    public UnitOfWork moveDonation(Donation before, Donation after) {
        Map<String, String> names = new HashMap<>(Map.of("#status", Attr.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", Dynamo.s(before.status().name()),
                ":to", Dynamo.s(after.status().name())));
        StringBuilder update = new StringBuilder("SET #status = :to");
        if (after.status() == DonationStatus.SETTLED) {
            update.append(", #settledAt = :settledAt, #seq = :seq, #hash = :hash");
            names.putAll(Map.of("#settledAt", Attr.SETTLED_AT, "#seq", Attr.LEDGER_SEQ, "#hash", Attr.LEDGER_HASH));
            values.put(":settledAt", Dynamo.s(Times.format(after.settledAt())));
            values.put(":seq", Dynamo.n(after.ledgerSeq()));
            values.put(":hash", Dynamo.s(after.ledgerHash()));
        }
        if (before.status() == DonationStatus.PENDING) {
            // out of the sparse index of pending donations, and no claim on creating its payment left behind
            update.append(" REMOVE #lease");
            names.put("#lease", Attr.LEASE);
            int i = 0;
            for (String indexAttribute : Keys.pendingIndex(before).keySet()) {
                update.append(", #pending").append(i);
                names.put("#pending" + i++, indexAttribute);
            }
        }
        return add(WriteConflict.Part.DONATION, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(before.orderId()))
                .updateExpression(update.toString())
                .conditionExpression("#status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
    }

    @Override
    public UnitOfWork pledge(Donation donation, String requestHash) {
        // the ledger head's copy of the status: a small item to check
        add(WriteConflict.Part.LEDGER_HEAD, TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                .key(Keys.ledgerHead(donation.appealId()))
                .conditionExpression("#status = :verified")
                .expressionAttributeNames(Map.of("#status", Attr.APPEAL_STATUS))
                .expressionAttributeValues(Map.of(":verified", Dynamo.s(AppealStatus.VERIFIED.name())))).build());
        add(WriteConflict.Part.DONATION, dynamo.putIfAbsent(Items.donation(donation, requestHash)));
        return add(WriteConflict.Part.RECEIPT, dynamo.putIfAbsent(Items.receipt(donation)));
    }

    @Override
    public UnitOfWork claimPaymentCreation(Donation donation, Instant now, Instant until) {
        return add(WriteConflict.Part.DONATION, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(donation.orderId()))
                .updateExpression("SET #lease = :until")
                .conditionExpression("#status = :pending AND attribute_not_exists(#url)"
                        + " AND (attribute_not_exists(#lease) OR #lease < :now)")
                .expressionAttributeNames(Map.of("#lease", Attr.LEASE, "#status", Attr.STATUS, "#url", Attr.PAYMENT_URL))
                .expressionAttributeValues(Map.of(":until", Dynamo.s(Times.format(until)),
                        ":now", Dynamo.s(Times.format(now)),
                        ":pending", Dynamo.s(DonationStatus.PENDING.name())))).build());
    }

    @Override
    public UnitOfWork releaseClaim(Donation donation) {
        return add(WriteConflict.Part.DONATION, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(donation.orderId()))
                .updateExpression("REMOVE #lease")
                .conditionExpression(Dynamo.PRESENT)
                .expressionAttributeNames(Map.of("#lease", Attr.LEASE))).build());
    }

    @Override
    public UnitOfWork attachPayment(Donation donation, Payment payment) {
        return add(WriteConflict.Part.DONATION, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(donation.orderId()))
                .updateExpression("SET #url = :url, #ref = :ref REMOVE #lease")
                .conditionExpression("#status = :pending AND attribute_not_exists(#url)")
                .expressionAttributeNames(Map.of("#url", Attr.PAYMENT_URL, "#ref", Attr.PAYMENT_REFERENCE,
                        "#lease", Attr.LEASE, "#status", Attr.STATUS))
                .expressionAttributeValues(Map.of(":url", Dynamo.s(payment.url()),
                        ":ref", Dynamo.s(payment.reference()),
                        ":pending", Dynamo.s(DonationStatus.PENDING.name())))).build());
    }

    @Override
    public UnitOfWork addDocument(Document document, Set<AppealStatus> allowed, int limit) {
        Map<String, AttributeValue> statusValues = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (AppealStatus s : allowed) {
            String p = ":s" + placeholders.size();
            placeholders.add(p);
            statusValues.put(p, Dynamo.s(s.name()));
        }
        add(WriteConflict.Part.LEDGER_HEAD, TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                .key(Keys.ledgerHead(document.appealId()))
                .conditionExpression("#status IN (" + String.join(", ", placeholders) + ")")
                .expressionAttributeNames(Map.of("#status", Attr.APPEAL_STATUS))
                .expressionAttributeValues(statusValues)).build());
        add(WriteConflict.Part.DOCUMENT_COUNT, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.documentCount(document.appealId()))
                .updateExpression("ADD #count :one")
                .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                .expressionAttributeNames(Map.of("#count", Attr.COUNT))
                .expressionAttributeValues(Map.of(":one", Dynamo.n(1), ":limit", Dynamo.n(limit)))).build());
        return add(WriteConflict.Part.DOCUMENT, dynamo.putIfAbsent(Items.document(document)));
    }

    @Override
    public UnitOfWork settleDocument(Document before, Document after) {
        add(WriteConflict.Part.DOCUMENT,
                dynamo.putIfUnchanged(Items.document(after), Attr.STATUS, Dynamo.s(before.status().name())));
        if (after.status() == DocumentStatus.REJECTED) {
            // a refused document gives its place back
            add(WriteConflict.Part.DOCUMENT_COUNT, TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                    .key(Keys.documentCount(before.appealId()))
                    .updateExpression("ADD #count :minusOne")
                    .expressionAttributeNames(Map.of("#count", Attr.COUNT))
                    .expressionAttributeValues(Map.of(":minusOne", Dynamo.n(-1)))).build());
        }
        return this;
    }

    @Override
    public UnitOfWork queueDocumentDeletion(String appealId, Instant due) {
        return add(WriteConflict.Part.DOCUMENT_DELETION, TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Keys.documentDeletion(appealId, due))).build());
    }

    @Override
    public UnitOfWork removeDocuments(DocumentStore.DueDeletion queued, List<Document> documents) {
        for (Document d : documents) {
            add(WriteConflict.Part.DOCUMENT, delete(Keys.document(d.appealId(), d.id())));
        }
        add(WriteConflict.Part.DOCUMENT_COUNT, delete(Keys.documentCount(queued.appealId())));
        return add(WriteConflict.Part.DOCUMENT_DELETION, delete(Keys.documentDeletion(queued.appealId(), queued.due())));
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(dynamo.table()).key(key)).build();
    }

    @Override
    public UnitOfWork recordAnomaly(String appealId, Anomaly anomaly) {
        return add(WriteConflict.Part.ANOMALY, TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.anomaly(appealId, anomaly))).build());
    }

    @Override
    public UnitOfWork moveReconcileCursor(String after) {
        return add(WriteConflict.Part.RECONCILE_CURSOR, after == null ? delete(Keys.reconcileCursor())
                : TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.reconcileCursor(after))).build());
    }

    @Override
    public UnitOfWork recordAnswer(IdempotencyRecord record) {
        return add(WriteConflict.Part.ANSWER, answer(dynamo, record));
    }

    /**
     * The idempotency record, written with what it answers for: only if the key is free or its 24 hours are over
     * (TTL deletes expired records lazily, so expiry is checked here too).
     */
    static TransactWriteItem answer(Dynamo dynamo, IdempotencyRecord record) {
        return TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.idempotency(record))
                .conditionExpression(Dynamo.ABSENT + " OR #ttl < :now")
                .expressionAttributeNames(Map.of("#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":now", Dynamo.n(Instant.now().getEpochSecond())))).build();
    }

    @Override
    public void commit() {
        if (writes.isEmpty()) {
            return;
        }
        if (writes.size() == 1 && dynamo.writeAlone(writes.get(0))) {
            commitAlone();
            return;
        }
        try {
            dynamo.transact(writes);
        } catch (TransactionCanceledException e) {
            Set<WriteConflict.Part> failed = EnumSet.noneOf(WriteConflict.Part.class);
            for (int i = 0; i < parts.size(); i++) {
                if (Dynamo.conditionFailed(e, i)) {
                    failed.add(parts.get(i));
                }
            }
            throw conflict(failed, Dynamo.conflictsOnly(e), e);
        }
    }

    /** The one write sent on its own; a failed condition or a transaction holding the item is a conflict as above. */
    private void commitAlone() {
        WriteConflict.Part part = parts.get(0);
        try {
            dynamo.write(writes.get(0));
        } catch (ConditionalCheckFailedException e) {
            throw conflict(EnumSet.of(part), true, e);
        } catch (TransactionConflictException e) {
            throw conflict(EnumSet.noneOf(WriteConflict.Part.class), true, e);
        } catch (TransactionCanceledException e) {
            throw conflict(Dynamo.conditionFailed(e, 0) ? EnumSet.of(part) : EnumSet.noneOf(WriteConflict.Part.class),
                    Dynamo.conflictsOnly(e), e);
        }
    }

    private static RuntimeException conflict(Set<WriteConflict.Part> failed, boolean contentionOnly, RuntimeException e) {
        if (failed.contains(WriteConflict.Part.ANSWER)) {
            return new IdempotencyConflict();
        }
        return new WriteConflict(failed, contentionOnly, e);
    }
}
