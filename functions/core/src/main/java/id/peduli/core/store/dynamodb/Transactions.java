package id.peduli.core.store.dynamodb;

import id.peduli.core.store.IdempotencyRecord;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Transaction parts more than one store writes. */
final class Transactions {
    private Transactions() {}

    /**
     * The idempotency record, written with what it answers for: only if the key is free or its 24 hours are over
     * (TTL deletes expired records lazily, so expiry is checked here too).
     */
    static TransactWriteItem idempotencyPut(String table, IdempotencyRecord record) {
        return TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Items.idempotency(record))
                .conditionExpression("attribute_not_exists(pk) OR #ttl < :now")
                .expressionAttributeNames(Map.of("#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":now",
                        AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond()))))).build();
    }
}
