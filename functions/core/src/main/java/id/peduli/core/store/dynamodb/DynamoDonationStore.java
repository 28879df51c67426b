package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
    public void pledge(Donation donation, IdempotencyRecord idempotency) {
        List<TransactWriteItem> items = new ArrayList<>(4);
        items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                .key(Keys.totals(donation.appealId()))
                .conditionExpression("#status = :verified")
                .expressionAttributeNames(Map.of("#status", Items.APPEAL_STATUS))
                .expressionAttributeValues(Map.of(":verified", AttributeValue.fromS(AppealStatus.VERIFIED.name()))))
                .build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.donation(donation))
                .conditionExpression("attribute_not_exists(pk)")).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.receipt(donation))
                .conditionExpression("attribute_not_exists(pk)")).build());
        if (idempotency != null) {
            items.add(Transactions.idempotencyPut(dynamo.table(), idempotency));
        }
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (idempotency != null && Dynamo.conditionFailed(e, 3)) {
                throw new IdempotencyConflict();
            }
            if (Dynamo.conditionFailed(e, 0)) {
                throw new DomainException.Conflict("The appeal does not accept pledges any more.");
            }
            throw e;
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
        Instant settledAt = status == DonationStatus.SETTLED ? at : current.settledAt();
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", AttributeValue.fromS(current.status().name()),
                ":to", AttributeValue.fromS(status.name())));
        StringBuilder update = new StringBuilder("SET #status = :to");
        if (status == DonationStatus.SETTLED) {
            update.append(", settledAt = :settledAt, ledgerSeq = :seq, ledgerHash = :hash");
            values.put(":settledAt", AttributeValue.fromS(Times.format(settledAt)));
            values.put(":seq", AttributeValue.fromN(Long.toString(seq)));
            values.put(":hash", AttributeValue.fromS(hash));
        }
        items.add(TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                .key(Keys.donation(current.orderId()))
                .updateExpression(update.toString())
                .conditionExpression("#status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)).build());
        dynamo.client().transactWriteItems(t -> t.transactItems(items));
        Donation updated = new Donation(current.id(), current.orderId(), current.appealId(), current.amount(),
                current.donorName(), current.anonymous(), current.message(), current.provider(), status,
                current.createdAt(), current.expiresAt(), settledAt, seq, hash);
        return new Applied(Result.APPLIED, updated, entry);
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
