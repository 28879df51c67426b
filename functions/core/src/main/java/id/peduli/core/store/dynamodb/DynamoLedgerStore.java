package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link LedgerStore} on the single DynamoDB table. An append writes the entry ({@code attribute_not_exists}) and
 * the new head (conditional on the sequence number read) in one transaction, so the chain has no gaps and no forks.
 */
public final class DynamoLedgerStore implements LedgerStore {
    static final int MAX_ATTEMPTS = 12;
    private final Dynamo dynamo;

    public DynamoLedgerStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    /** The ledger head with the appeal's target and status, as read for an append. */
    record Head(Totals totals, long target, AppealStatus appealStatus) {}

    Optional<Head> head(String appealId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.totals(appealId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Head(Items.totals(item), Items.target(item), Items.appealStatus(item)));
    }

    /**
     * The two writes that append {@code entry} after {@code head}, leaving the appeal's status at
     * {@code appealStatus}. The head is written only if its sequence number and status are still those read, so
     * neither a concurrent append nor a decision made meanwhile is overwritten.
     */
    List<TransactWriteItem> append(String appealId, Head head, LedgerEntry entry, String actor, AppealStatus appealStatus) {
        Totals next = head.totals().after(entry);
        List<TransactWriteItem> items = new ArrayList<>(2);
        items.add(TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.totals(appealId, next, head.target(), appealStatus))
                .conditionExpression("#seq = :seq AND #status = :status")
                .expressionAttributeNames(Map.of("#seq", "seq", "#status", Items.APPEAL_STATUS))
                .expressionAttributeValues(Map.of(":seq", AttributeValue.fromN(Long.toString(head.totals().seq())),
                        ":status", AttributeValue.fromS(head.appealStatus().name()))))
                .build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.ledger(appealId, entry, actor))
                .conditionExpression("attribute_not_exists(pk)")).build());
        return items;
    }

    @Override
    public Optional<Totals> totals(String appealId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.totals(appealId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.totals(item));
    }

    @Override
    public List<LedgerEntry> entries(String appealId, long afterSeq, int limit) {
        List<LedgerEntry> entries = new ArrayList<>(limit);
        dynamo.query(QueryRequest.builder().tableName(dynamo.table())
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(Keys.appealPk(appealId)),
                                ":from", AttributeValue.fromS(Keys.ledgerSk(afterSeq + 1)),
                                ":to", AttributeValue.fromS(Keys.ledgerSk(999_999_999_999L))))
                        .build(), limit)
                .forEach(item -> entries.add(Items.ledger(item)));
        return entries;
    }

    @Override
    public LedgerEntry disburse(String appealId, Rupiah amount, String recipient, String reference, String note,
                                String actor, Instant at, Function<LedgerEntry, IdempotencyRecord> idempotency) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Dynamo.backoff(attempt);
            }
            Head head = head(appealId).orElseThrow(() -> new DomainException.NotFound("No such appeal."));
            if (!head.appealStatus().acceptsDisbursements()) {
                throw new DomainException.Conflict("Money can be paid out only for a VERIFIED or FUNDED appeal.");
            }
            if (amount.value() > head.totals().balance()) {
                throw new DomainException.Conflict("The amount exceeds the balance of Rp " + Math.max(0, head.totals().balance()) + ".");
            }
            LedgerEntry entry = LedgerEntry.next(head.totals(), LedgerEntryType.DISBURSEMENT, amount, null, note,
                    recipient, reference, at);
            // The head's write is conditional on the status read, so the status checked above still holds.
            List<TransactWriteItem> items = new ArrayList<>(append(appealId, head, entry, actor, head.appealStatus()));
            IdempotencyRecord record = idempotency.apply(entry);
            if (record != null) {
                items.add(Transactions.idempotencyPut(dynamo.table(), record));
            }
            try {
                dynamo.client().transactWriteItems(t -> t.transactItems(items));
                return entry;
            } catch (TransactionCanceledException e) {
                if (record != null && Dynamo.conditionFailed(e, 2)) {
                    throw new IdempotencyConflict();
                }
                // lost the race for the next sequence number, or the status changed: read the head and try again
            }
        }
        throw new DomainException.Unavailable("ledger contention");
    }
}
