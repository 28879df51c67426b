package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DonationStore} on the single DynamoDB table. Crediting is one transaction: the donation's status
 * (conditional on the status read), the ledger head (conditional on the sequence read), the new entry (conditional
 * on absence) and, when the target is reached, the appeal's move to FUNDED (conditional on its version).
 * A lost race re-reads and tries again; a repeat is recognised by the donation's status.
 */
public final class DynamoDonationStore implements DonationStore {
    private final Dynamo dynamo;
    private final DynamoLedgerStore ledger;
    private final DynamoAppealStore appeals;

    public DynamoDonationStore(Dynamo dynamo) {
        this.dynamo = dynamo;
        this.ledger = new DynamoLedgerStore(dynamo);
        this.appeals = new DynamoAppealStore(dynamo);
    }

    @Override
    public boolean pledge(Donation donation, String requestHash) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                        .key(Keys.totals(donation.appealId()))
                        .conditionExpression("#status = :verified")
                        .expressionAttributeNames(Map.of("#status", Items.APPEAL_STATUS))
                        .expressionAttributeValues(Map.of(":verified", AttributeValue.fromS(AppealStatus.VERIFIED.name()))))
                        .build(),
                TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.donation(donation, requestHash))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.receipt(donation))
                        .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (Dynamo.conditionFailed(e, 1)) {
                return false; // made by an earlier attempt of the same request
            }
            if (Dynamo.conditionFailed(e, 0)) {
                throw new DomainException.Conflict("The appeal does not accept pledges any more.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Pledge> pledgeOf(String orderId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.donation(orderId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Pledge(Items.donation(item), new Items.Reader(item).s(Items.REQUEST_HASH)));
    }

    @Override
    public boolean claimPaymentCreation(String orderId, Instant now, Instant until) {
        try {
            dynamo.client().updateItem(u -> u.tableName(dynamo.table()).key(Keys.donation(orderId))
                    .updateExpression("SET #lease = :until")
                    .conditionExpression("#status = :pending AND attribute_not_exists(#url)"
                            + " AND (attribute_not_exists(#lease) OR #lease < :now)")
                    .expressionAttributeNames(Map.of("#lease", Items.LEASE, "#status", Items.STATUS,
                            "#url", Items.PAYMENT_URL))
                    .expressionAttributeValues(Map.of(":until", AttributeValue.fromS(Times.format(until)),
                            ":now", AttributeValue.fromS(Times.format(now)),
                            ":pending", AttributeValue.fromS(DonationStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseClaim(String orderId) {
        dynamo.client().updateItem(u -> u.tableName(dynamo.table()).key(Keys.donation(orderId))
                .updateExpression("REMOVE #lease").conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#lease", Items.LEASE)));
    }

    @Override
    public boolean attachPayment(Donation donation, Payment payment, IdempotencyRecord idempotency) {
        List<TransactWriteItem> items = new ArrayList<>(2);
        items.add(TransactWriteItem.builder().update(u -> u.tableName(dynamo.table()).key(Keys.donation(donation.orderId()))
                .updateExpression("SET #url = :url, #ref = :ref REMOVE #lease")
                .conditionExpression("#status = :pending AND attribute_not_exists(#url)")
                .expressionAttributeNames(Map.of("#url", Items.PAYMENT_URL, "#ref", Items.PAYMENT_REFERENCE,
                        "#lease", Items.LEASE, "#status", Items.STATUS))
                .expressionAttributeValues(Map.of(":url", AttributeValue.fromS(payment.url()),
                        ":ref", AttributeValue.fromS(payment.reference()),
                        ":pending", AttributeValue.fromS(DonationStatus.PENDING.name())))).build());
        if (idempotency != null) {
            items.add(Transactions.idempotencyPut(dynamo.table(), idempotency));
        }
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (Dynamo.conditionFailed(e, 0)) {
                return false;
            }
            if (idempotency != null && Dynamo.conditionFailed(e, 1)) {
                throw new IdempotencyConflict();
            }
            throw e;
        }
    }

    @Override
    public Page<Donation> pending(Instant pledgedBefore, String after, int limit) {
        Keys.Index index = Keys.Index.PENDING_BY_AGE;
        QueryRequest.Builder query = QueryRequest.builder().tableName(dynamo.table()).indexName(index.indexName)
                .keyConditionExpression("#p = :p AND #s < :before")
                .expressionAttributeNames(Map.of("#p", index.pk, "#s", index.sk))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.PENDING),
                        ":before", AttributeValue.fromS(Times.format(pledgedBefore))));
        if (after != null) {
            String orderId = after.substring(after.indexOf('#') + 1);
            Map<String, AttributeValue> start = new HashMap<>(Keys.donation(orderId));
            start.put(index.pk, AttributeValue.fromS(Keys.PENDING));
            start.put(index.sk, AttributeValue.fromS(after));
            query.exclusiveStartKey(start);
        }
        List<Map<String, AttributeValue>> items = dynamo.query(query.build(), limit + 1);
        List<Donation> page = new ArrayList<>(Math.min(limit, items.size()));
        items.stream().limit(limit).forEach(item -> page.add(Items.donation(item)));
        String next = items.size() > limit ? items.get(limit - 1).get(index.sk).s() : null;
        return new Page<>(page, next == null ? null : Map.of("after", next));
    }

    @Override
    public String pendingPosition(Donation donation) {
        return Keys.pendingSk(Times.format(donation.createdAt()), donation.orderId());
    }

    @Override
    public Optional<String> reconcileCursor() {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.reconcileCursor()).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(new Items.Reader(item).s("after"));
    }

    @Override
    public void saveReconcileCursor(String after) {
        if (after == null) {
            dynamo.client().deleteItem(d -> d.tableName(dynamo.table()).key(Keys.reconcileCursor()));
        } else {
            dynamo.client().putItem(p -> p.tableName(dynamo.table())
                    .item(new Items.Writer(Keys.reconcileCursor()).s("after", after).item));
        }
    }

    @Override
    public Optional<Donation> byOrderId(String orderId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.donation(orderId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.donation(item));
    }

    @Override
    public Optional<Donation> byId(String id) {
        Map<String, AttributeValue> pointer = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.receipt(id))).item();
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        return byOrderId(pointer.get("orderId").s());
    }

    @Override
    public Applied apply(Donation seen, DonationStatus status, Instant at) {
        Donation current = seen;
        for (int attempt = 0; attempt < DynamoLedgerStore.MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Dynamo.backoff(attempt);
                current = byOrderId(seen.orderId()).orElseThrow();
            }
            if (current.status() == status) {
                return new Applied(Result.DUPLICATE, current, null);
            }
            if (!current.status().canBecome(status)) {
                return new Applied(Result.IGNORED, current, null);
            }
            try {
                return transition(current, status, Times.truncate(at));
            } catch (TransactionCanceledException e) {
                // someone else moved the donation, the ledger or the appeal first: look again
            }
        }
        throw new DomainException.Unavailable("donation contention");
    }

    private Applied transition(Donation current, DonationStatus status, Instant at) {
        List<TransactWriteItem> items = new ArrayList<>(4);
        LedgerEntry entry = null;
        Long seq = current.ledgerSeq();
        String hash = current.ledgerHash();
        if (status == DonationStatus.SETTLED || status == DonationStatus.REFUNDED) {
            DynamoLedgerStore.Head head = ledger.head(current.appealId()).orElseThrow();
            LedgerEntryType type = status == DonationStatus.SETTLED ? LedgerEntryType.DONATION : LedgerEntryType.REFUND;
            entry = LedgerEntry.next(head.totals(), type, current.amount(), current.publicName(),
                    type == LedgerEntryType.DONATION ? current.message() : null, null, current.orderId(), at);
            Optional<TransactWriteItem> funded = Optional.empty();
            if (type == LedgerEntryType.DONATION) {
                seq = entry.seq();
                hash = entry.hash();
                long before = head.totals().raised();
                long after = head.totals().after(entry).raised();
                if (before < head.target() && after >= head.target() && head.appealStatus() == AppealStatus.VERIFIED) {
                    funded = Optional.of(funded(current.appealId()));
                }
            }
            items.addAll(ledger.append(current.appealId(), head, entry, null,
                    funded.isPresent() ? AppealStatus.FUNDED : head.appealStatus()));
            funded.ifPresent(items::add);
        }
        Map<String, String> names = new HashMap<>(Map.of("#status", Items.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", AttributeValue.fromS(current.status().name()),
                ":to", AttributeValue.fromS(status.name())));
        StringBuilder update = new StringBuilder("SET #status = :to");
        if (status == DonationStatus.SETTLED) {
            update.append(", settledAt = :settledAt, ledgerSeq = :seq, ledgerHash = :hash");
            values.put(":settledAt", AttributeValue.fromS(Times.format(at)));
            values.put(":seq", AttributeValue.fromN(Long.toString(seq)));
            values.put(":hash", AttributeValue.fromS(hash));
        }
        if (current.status() == DonationStatus.PENDING) {
            // out of the sparse index of pending donations, and no claim on creating its payment left behind
            update.append(" REMOVE #pendingPk, #pendingSk, #lease");
            names.put("#pendingPk", Keys.Index.PENDING_BY_AGE.pk);
            names.put("#pendingSk", Keys.Index.PENDING_BY_AGE.sk);
            names.put("#lease", Items.LEASE);
        }
        items.add(TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(current.orderId()))
                .updateExpression(update.toString())
                .conditionExpression("#status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
        dynamo.client().transactWriteItems(t -> t.transactItems(items));
        return new Applied(Result.APPLIED, current.moved(status, at, entry), entry);
    }

    /**
     * The write that makes the VERIFIED appeal FUNDED. Conditional on the version read; the head's write in the
     * same transaction is conditional on the VERIFIED status read from it, so CLOSED appeals stay closed.
     */
    private TransactWriteItem funded(String appealId) {
        Appeal appeal = appeals.find(appealId).orElseThrow();
        Appeal funded = appeal.withDecision(AppealStatus.FUNDED, appeal.regionCode(), appeal.verifiedAt(), appeal.checks());
        return TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.appeal(funded))
                .conditionExpression("#version = :version")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(appeal.version())))))
                .build();
    }
}
