package id.peduli.bench;

import id.peduli.core.store.dynamodb.Keys;
import id.peduli.local.tools.LedgerVerifier;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Totals;
import id.peduli.core.http.Cursors;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.ledger.LedgerHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One ledger page (LedgerHandler, limit 100) on a ledger of 100 entries and on one of 100,000 (20,000 in quick
 * mode). The long ledger is written with BatchWriteItem: entries with a correctly computed hash chain and the
 * matching ledger head, on an appeal verified through the functions; it is a read benchmark, so how the entries got
 * there does not matter, only that they are what crediting would have written. The short ledger's page is the whole
 * ledger (the only full page of 100 it has); the long one's is taken from the middle through a signed cursor.
 */
final class BenchLedger {
    private BenchLedger() {}

    record Result(int longEntries, double pageAt100, double pageAtLong, double p99At100, double p99AtLong,
                  double seedSeconds) {
        double ratio() {
            return pageAtLong / pageAt100;
        }
    }

    static Result run(BenchWorld world, int longEntries, int warmup, int samples) throws Exception {
        DynamoDbClient client = Dynamo.fromEnvironment().client();
        String shortAppeal = world.verifiedAppeal(BenchWorld.REGION, BenchWorld.BIG_TARGET);
        String longAppeal = world.verifiedAppeal(BenchWorld.REGION, BenchWorld.BIG_TARGET);
        seed(client, world.table, shortAppeal, 100);
        long t0 = System.nanoTime();
        seed(client, world.table, longAppeal, longEntries);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  ledger: seeded %,d entries with their hash chain in %.1f s%n", longEntries, seedSeconds);

        RequestStreamHandler handler = world.handler(LedgerHandler.class.getName());
        byte[] shortPage = BenchEvents.bytes(page(shortAppeal, 0));
        byte[] longPage = BenchEvents.bytes(page(longAppeal, longEntries / 2));
        check(BenchWorld.invoke(handler, shortPage), 1, 100, false);
        check(BenchWorld.invoke(handler, longPage), longEntries / 2 + 1, 100, true);

        List<Double> shortMs = new ArrayList<>();
        List<Double> longMs = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            long a = System.nanoTime();
            BenchWorld.Answer x = BenchWorld.invoke(handler, shortPage);
            long b = System.nanoTime();
            BenchWorld.Answer y = BenchWorld.invoke(handler, longPage);
            long c = System.nanoTime();
            if (x.status() != 200 || y.status() != 200) {
                throw new IllegalStateException("ledger page answered " + x.status() + "/" + y.status());
            }
            if (i >= warmup) {
                shortMs.add(BenchStats.ms(b - a));
                longMs.add(BenchStats.ms(c - b));
            }
        }
        Result r = new Result(longEntries, BenchStats.percentile(shortMs, 50), BenchStats.percentile(longMs, 50),
                BenchStats.percentile(shortMs, 99), BenchStats.percentile(longMs, 99), seedSeconds);
        System.out.printf("  ledger page p50: %.2f ms at 100 entries, %.2f ms at %,d entries, ratio %.2f%n",
                r.pageAt100(), r.pageAtLong(), longEntries, r.ratio());
        return r;
    }

    /** {@code GET /appeals/{id}/ledger?limit=100}, after {@code after} entries (through a cursor as the API issues it). */
    static com.fasterxml.jackson.databind.node.ObjectNode page(String appealId, long after) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("limit", "100");
        if (after > 0) {
            query.put("cursor", Cursors.seal("ledger|" + appealId, Map.of("after", Long.toString(after))));
        }
        return BenchEvents.get("/appeals/{id}/ledger", "/appeals/" + appealId + "/ledger", Map.of("id", appealId), query, null);
    }

    private static void check(BenchWorld.Answer answer, long firstSeq, int count, boolean more) {
        JsonNode body = answer.json();
        JsonNode items = body.path("items");
        if (answer.status() != 200 || items.size() != count || items.get(0).path("seq").asLong() != firstSeq
                || body.path("nextCursor").isNull() == more) {
            throw new IllegalStateException("unexpected ledger page: " + answer.status() + " " + items.size() + " items");
        }
        String prev = items.get(0).path("prevHash").asText();
        for (JsonNode e : items) {
            if (!e.path("prevHash").asText().equals(prev) || !e.path("hash").asText().equals(LedgerVerifier.expectedHash(e))) {
                throw new IllegalStateException("seeded chain does not verify at seq " + e.path("seq").asLong());
            }
            prev = e.path("hash").asText();
        }
    }

    /** Appends {@code count} donation entries to an empty ledger and writes the matching head. */
    static void seed(DynamoDbClient client, String table, String appealId, int count) throws Exception {
        List<WriteRequest> writes = new ArrayList<>(count);
        Totals totals = Totals.EMPTY;
        Instant at = Instant.now().minusSeconds(count);
        for (int i = 1; i <= count; i++) {
            long amount = 10_000L + (i % 50) * 5_000L;
            String donor = i % 7 == 0 ? LedgerEntry.ANONYMOUS : "Donatur " + i;
            String message = i % 3 == 0 ? "Semoga lekas sembuh, Putra" : null;
            LedgerEntry e = LedgerEntry.next(totals, LedgerEntryType.DONATION, Rupiah.of(amount), donor, message, null,
                    "peduli-bench-" + appealId.substring(0, 8) + "-" + i, at.plusSeconds(i));
            totals = totals.after(e);
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(BenchSettle.ledgerItem(appealId, e)).build()).build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int stride = 25;
            for (int w = 0; w < 2; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    for (int from = worker * stride; from < writes.size(); from += 2 * stride) {
                        Map<String, List<WriteRequest>> pending = Map.of(table, writes.subList(from, Math.min(writes.size(), from + stride)));
                        while (!pending.isEmpty()) {
                            Map<String, List<WriteRequest>> request = pending;
                            BatchWriteItemResponse r = client.batchWriteItem(b -> b.requestItems(request));
                            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, AttributeValue> head = new HashMap<>(Keys.ledgerHead(appealId));
        head.put("donated", BenchSettle.num(totals.donated().value()));
        head.put("refunded", BenchSettle.num(0));
        head.put("disbursed", BenchSettle.num(0));
        head.put("donationCount", BenchSettle.num(totals.donationCount()));
        head.put("seq", BenchSettle.num(totals.seq()));
        head.put("lastHash", AttributeValue.fromS(totals.lastHash()));
        head.put("targetAmount", BenchSettle.num(BenchWorld.BIG_TARGET));
        head.put("appealStatus", AttributeValue.fromS("VERIFIED"));
        // Only over the empty head the verified appeal was created with.
        client.putItem(p -> p.tableName(table).item(head).conditionExpression("#seq = :zero")
                .expressionAttributeNames(Map.of("#seq", "seq"))
                .expressionAttributeValues(Map.of(":zero", BenchSettle.num(0))));
    }
}
