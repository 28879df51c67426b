package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DonationStore} on the single DynamoDB table: pledges, their receipts, the claim on creating a payment, and
 * the pending index reconciliation walks. Crediting what was paid is a {@link DynamoUnitOfWork}'s.
 */
public final class DynamoDonationStore implements DonationStore {
    private final Dynamo dynamo;

    public DynamoDonationStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public boolean pledge(Donation donation, String requestHash) {
        List<TransactWriteItem> items = List.of(
                // the ledger head's copy of the status: a small item to check
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                        .key(Keys.ledgerHead(donation.appealId()))
                        .conditionExpression("#status = :verified")
                        .expressionAttributeNames(Map.of("#status", Attr.APPEAL_STATUS))
                        .expressionAttributeValues(Map.of(":verified", Dynamo.s(AppealStatus.VERIFIED.name()))))
                        .build(),
                dynamo.putIfAbsent(Items.donation(donation, requestHash)),
                dynamo.putIfAbsent(Items.receipt(donation)));
        try {
            dynamo.transact(items);
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
        return dynamo.get(Keys.donation(orderId), true)
                .map(item -> new Pledge(Items.donation(item), Items.requestHash(item)));
    }

    @Override
    public boolean claimPaymentCreation(String orderId, Instant now, Instant until) {
        try {
            dynamo.client().updateItem(u -> u.tableName(dynamo.table()).key(Keys.donation(orderId))
                    .updateExpression("SET #lease = :until")
                    .conditionExpression("#status = :pending AND attribute_not_exists(#url)"
                            + " AND (attribute_not_exists(#lease) OR #lease < :now)")
                    .expressionAttributeNames(Map.of("#lease", Attr.LEASE, "#status", Attr.STATUS,
                            "#url", Attr.PAYMENT_URL))
                    .expressionAttributeValues(Map.of(":until", Dynamo.s(Times.format(until)),
                            ":now", Dynamo.s(Times.format(now)),
                            ":pending", Dynamo.s(DonationStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void releaseClaim(String orderId) {
        dynamo.client().updateItem(u -> u.tableName(dynamo.table()).key(Keys.donation(orderId))
                .updateExpression("REMOVE #lease").conditionExpression(Dynamo.PRESENT)
                .expressionAttributeNames(Map.of("#lease", Attr.LEASE)));
    }

    @Override
    public boolean attachPayment(Donation donation, Payment payment, IdempotencyRecord idempotency) {
        List<TransactWriteItem> items = new ArrayList<>(2);
        items.add(TransactWriteItem.builder().update(u -> u.tableName(dynamo.table()).key(Keys.donation(donation.orderId()))
                .updateExpression("SET #url = :url, #ref = :ref REMOVE #lease")
                .conditionExpression("#status = :pending AND attribute_not_exists(#url)")
                .expressionAttributeNames(Map.of("#url", Attr.PAYMENT_URL, "#ref", Attr.PAYMENT_REFERENCE,
                        "#lease", Attr.LEASE, "#status", Attr.STATUS))
                .expressionAttributeValues(Map.of(":url", Dynamo.s(payment.url()),
                        ":ref", Dynamo.s(payment.reference()),
                        ":pending", Dynamo.s(DonationStatus.PENDING.name())))).build());
        if (idempotency != null) {
            items.add(DynamoUnitOfWork.answer(dynamo, idempotency));
        }
        try {
            dynamo.transact(items);
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
                .expressionAttributeValues(Map.of(":p", Dynamo.s(Keys.PENDING),
                        ":before", Dynamo.s(Times.format(pledgedBefore))));
        if (after != null) {
            query.exclusiveStartKey(Keys.pendingStart(after));
        }
        List<Map<String, AttributeValue>> items = dynamo.query(query.build(), limit + 1);
        List<Donation> page = new ArrayList<>(Math.min(limit, items.size()));
        items.stream().limit(limit).forEach(item -> page.add(Items.donation(item)));
        return new Page<>(page, items.size() > limit ? Map.of("after", pendingPosition(page.get(limit - 1))) : null);
    }

    @Override
    public String pendingPosition(Donation donation) {
        return Keys.pendingSk(Times.format(donation.createdAt()), donation.orderId());
    }

    @Override
    public Optional<String> reconcileCursor() {
        return dynamo.get(Keys.reconcileCursor(), true).map(Items::reconcileCursor);
    }

    @Override
    public void saveReconcileCursor(String after) {
        if (after == null) {
            dynamo.client().deleteItem(d -> d.tableName(dynamo.table()).key(Keys.reconcileCursor()));
        } else {
            dynamo.client().putItem(p -> p.tableName(dynamo.table()).item(Items.reconcileCursor(after)));
        }
    }

    @Override
    public Optional<Donation> byOrderId(String orderId) {
        return dynamo.get(Keys.donation(orderId), true).map(Items::donation);
    }

    @Override
    public Optional<Donation> byId(String id) {
        return dynamo.get(Keys.receipt(id), false).map(Items::receiptOrderId).flatMap(this::byOrderId);
    }
}
