package id.peduli.core.store.dynamodb;

import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link IdempotencyStore} on the single DynamoDB table. */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private final Dynamo dynamo;

    public DynamoIdempotencyStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.idempotency(scope, key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = Items.idempotency(scope, key, item);
        return record.expiresAt().isAfter(Instant.now()) ? Optional.of(record) : Optional.empty();
    }
}
