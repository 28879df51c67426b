package id.peduli.core.store.dynamodb;

import id.peduli.core.Config;
import id.peduli.core.domain.DomainException;
import id.peduli.core.store.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The DynamoDB client and table, built once per container. Region, endpoint and credentials come from the
 * environment (or the matching {@code aws.*} system properties), exactly as Lambda provides them.
 *
 * <p>Retries: the SDK's STANDARD mode (3 attempts, exponential backoff with jitter, throttling-aware) retries
 * transient faults of a single call. Optimistic-concurrency losses inside transactions are retried by the use cases
 * ({@link Retry}), which re-read before trying again.
 *
 * <p>The table's plumbing lives here, once: reads, queries that follow the continuation key, batch reads that ask
 * again for unprocessed keys, put-if-absent and conditional puts, transactions.
 */
public final class Dynamo {
    private final DynamoDbClient client;
    private final String table;

    public Dynamo(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    private static final class Default {
        static final Dynamo INSTANCE = new Dynamo(newClient(), Config.tableName());
    }

    /** The container's shared instance. */
    public static Dynamo fromEnvironment() {
        return Default.INSTANCE;
    }

    /** A client configured as the functions' is, with {@code interceptors} added (for measurements and tests). */
    public static DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(c -> c
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(12))
                        .executionInterceptors(List.of(interceptors)))
                .build();
    }

    public DynamoDbClient client() {
        return client;
    }

    public String table() {
        return table;
    }

    /**
     * Up to {@code count} items the query matches, in its order. DynamoDB stops a page at 1 MB whatever the limit,
     * so this follows {@code LastEvaluatedKey} until it has {@code count} items or the query is exhausted: a short
     * answer means there are no more.
     */
    List<Map<String, AttributeValue>> query(QueryRequest query, int count) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(Math.min(count, 1024));
        QueryRequest next = query.toBuilder().limit(count).build();
        while (true) {
            QueryResponse page = client.query(next);
            items.addAll(page.items());
            if (items.size() >= count || !page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return items.size() > count ? items.subList(0, count) : items;
            }
            next = next.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).limit(count - items.size()).build();
        }
    }

    /** Every item the query matches, page after page. */
    List<Map<String, AttributeValue>> queryAll(QueryRequest query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        QueryRequest next = query;
        while (true) {
            QueryResponse page = client.query(next);
            items.addAll(page.items());
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            next = next.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build();
        }
    }

    /** The item with this key, if there is one; read consistently when an answer must reflect every write. */
    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key, boolean consistent) {
        Map<String, AttributeValue> item = client.getItem(g -> g.tableName(table).key(key).consistentRead(consistent))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /**
     * The items with these keys that exist, in no particular order: 100 keys a request, and what DynamoDB leaves
     * unprocessed (under throttling) asked for again after a pause, until a few pauses have not helped.
     */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = new LinkedHashMap<>();
            pending.put(table, KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    Retry.backoff(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = client.batchGetItem(b -> b.requestItems(request));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (attempt > 8 && !pending.isEmpty()) {
                    throw new DomainException.Unavailable("storage is throttling reads");
                }
            }
        }
        return found;
    }

    /**
     * The query of one partition of the table: {@code pk} and, unless null, a condition on the sort key written with
     * {@code #sk} and the values {@code :sk} / {@code :sk2} ({@code "#sk < :sk"}, {@code "begins_with(#sk, :sk)"}).
     */
    QueryRequest partition(String pk, String skCondition, boolean consistent, String... skValues) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
        String condition = "#pk = :pk";
        if (skCondition != null) {
            condition += " AND " + skCondition;
            names.put("#sk", Keys.SK);
            for (int i = 0; i < skValues.length; i++) {
                values.put(i == 0 ? ":sk" : ":sk" + (i + 1), s(skValues[i]));
            }
        }
        return QueryRequest.builder().tableName(table).keyConditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).consistentRead(consistent).build();
    }

    /** The condition of a write that creates an item: nothing with its key exists yet. */
    static final String ABSENT = "attribute_not_exists(" + Keys.PK + ")";
    /** The condition of a write that changes an item: it exists. */
    static final String PRESENT = "attribute_exists(" + Keys.PK + ")";

    /** A transaction's put of a new item: only if nothing with its key exists (put-if-absent). */
    TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(ABSENT)).build();
    }

    /** A transaction's put, only if the stored item's {@code attribute} still has {@code value}. */
    TransactWriteItem putIfUnchanged(Map<String, AttributeValue> item, String attribute, AttributeValue value) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("#a = :a")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":a", value))).build();
    }

    /**
     * Writes {@code items} in one transaction: all, or none. The SDK sends a retried attempt with the first one's
     * client token, so a transaction that is slow to commit is never applied twice; if the first attempt is still
     * in flight DynamoDB says so, and the caller answers 503 for its client to retry once it has landed.
     */
    void transact(List<TransactWriteItem> items) {
        try {
            client.transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionInProgressException e) {
            throw new DomainException.Unavailable("an earlier attempt of this transaction is still in flight");
        }
    }

    /** Whether {@link #write} can send {@code item} on its own: a put, an update or a delete (not a bare check). */
    boolean writeAlone(TransactWriteItem item) {
        return item.put() != null || item.update() != null || item.delete() != null;
    }

    /**
     * A transaction's one write sent on its own, with the same item, key, expression and condition: atomic by
     * itself, and half the write units of a transaction of one.
     * @throws software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException when its condition failed
     */
    void write(TransactWriteItem item) {
        if (item.put() != null) {
            Put p = item.put();
            client.putItem(r -> r.tableName(p.tableName()).item(p.item()).conditionExpression(p.conditionExpression())
                    .expressionAttributeNames(p.expressionAttributeNames())
                    .expressionAttributeValues(p.expressionAttributeValues()));
        } else if (item.update() != null) {
            Update u = item.update();
            client.updateItem(r -> r.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression())
                    .expressionAttributeNames(u.expressionAttributeNames())
                    .expressionAttributeValues(u.expressionAttributeValues()));
        } else if (item.delete() != null) {
            Delete d = item.delete();
            client.deleteItem(r -> r.tableName(d.tableName()).key(d.key()).conditionExpression(d.conditionExpression())
                    .expressionAttributeNames(d.expressionAttributeNames())
                    .expressionAttributeValues(d.expressionAttributeValues()));
        } else {
            throw new IllegalArgumentException("not a write: " + item);
        }
    }

    static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** Whether every write was cancelled for a failed condition or a concurrent transaction only, not a fault. */
    static boolean conflictsOnly(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream().allMatch(r -> "None".equals(r.code())
                || "TransactionConflict".equals(r.code()) || "ConditionalCheckFailed".equals(r.code()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
