package id.peduli.core.store.dynamodb;

import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.IdempotencyStore;
import java.time.Instant;
import java.util.Optional;

/** {@link IdempotencyStore} on the single DynamoDB table. */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private final Dynamo dynamo;

    public DynamoIdempotencyStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return dynamo.get(Keys.idempotency(scope, key), true)
                .map(item -> Items.idempotency(scope, key, item))
                .filter(record -> record.expiresAt().isAfter(Instant.now()));
    }
}
