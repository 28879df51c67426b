package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link DonationStore} on the single DynamoDB table: pledges read by order id or by receipt, the pending index
 * reconciliation walks and its cursor. Every write is a {@link DynamoUnitOfWork}'s.
 */
public final class DynamoDonationStore implements DonationStore {
    private final Dynamo dynamo;

    public DynamoDonationStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Optional<Pledge> pledgeOf(String orderId) {
        return dynamo.get(Keys.donation(orderId), true)
                .map(item -> new Pledge(Items.donation(item), Items.requestHash(item)));
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
    public Optional<Donation> byOrderId(String orderId) {
        return dynamo.get(Keys.donation(orderId), true).map(Items::donation);
    }

    @Override
    public Optional<Donation> byId(String id) {
        return dynamo.get(Keys.receipt(id), false).map(Items::receiptOrderId).flatMap(this::byOrderId);
    }
}
