package id.peduli.core.store.dynamodb;

import id.peduli.core.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB client and table, built once per container. Region, endpoint and credentials come from the
 * environment (or the matching {@code aws.*} system properties), exactly as Lambda provides them.
 *
 * <p>Retries: the SDK's STANDARD mode (3 attempts, exponential backoff with jitter, throttling-aware) retries
 * transient faults of a single call. Optimistic-concurrency losses inside transactions are retried by the stores,
 * which re-read before trying again.
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

    static boolean conditionFailed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons != null && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** A short random pause before retrying a lost optimistic race, growing with the attempt. */
    static void backoff(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
