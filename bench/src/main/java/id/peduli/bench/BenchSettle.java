package id.peduli.bench;

import id.peduli.core.store.dynamodb.Keys;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Times;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.donations.MidtransWebhookHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Settled donations per second: Midtrans settlement notifications for distinct pending orders, through the webhook
 * function (signature, parsing, the store's crediting transaction, the answer), against the same DynamoDB requests
 * made directly: read the donation, read the ledger head, one TransactWriteItems (head conditional on its seq and status, entry
 * conditional on absence, donation conditional on PENDING), re-read and retry with the same backoff on a lost race.
 * Both run {@code workers} at once, as concurrent Lambda containers would; once into one appeal (every credit
 * contends for its ledger head) and once spread over many appeals. When a credit gives up after the store's 12
 * attempts (the webhook then answers 503), the notification is sent again, as Midtrans retries a failed one; both
 * sides do so, the time counts, and the resends are reported.
 */
final class BenchSettle {
    private BenchSettle() {}

    record Run(String scenario, int donations, double oursPerSecond, double directPerSecond, int oursResends,
               int directResends) {
        double ratio() {
            return oursPerSecond / directPerSecond;
        }
    }

    record Result(List<Run> runs, double perSecond, double sdkPerSecond, int workers) {
        double ratio() {
            return perSecond / sdkPerSecond;
        }
    }

    static Result run(BenchWorld world, int perRun, int appealsForMany, int workers) throws Exception {
        String one = world.verifiedAppeal(BenchWorld.SETTLE_REGION, BenchWorld.BIG_TARGET);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < appealsForMany; i++) {
            many.add(world.verifiedAppeal(BenchWorld.SETTLE_REGION, BenchWorld.BIG_TARGET));
        }
        RequestStreamHandler handler = world.handler(MidtransWebhookHandler.class.getName());
        DynamoDbClient client = Dynamo.fromEnvironment().client();
        List<Run> runs = new ArrayList<>();
        long oursCount = 0;
        double oursSeconds = 0;
        double directSeconds = 0;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (String scenario : List.of("one appeal", "many appeals")) {
                List<String> appeals = scenario.equals("one appeal") ? List.of(one) : many;
                // Two halves each, alternating ours and direct, so drift over time hits both alike.
                double ours = 0;
                double direct = 0;
                AtomicInteger oursResends = new AtomicInteger();
                AtomicInteger directResends = new AtomicInteger();
                for (int half = 0; half < 2; half++) {
                    List<String> oursOrders = pledges(world, appeals, perRun / 2);
                    List<String> directOrders = pledges(world, appeals, perRun / 2);
                    ours += timed(pool, workers, oursOrders, order -> {
                        byte[] event = BenchEvents.bytes(BenchEvents.midtransSettlement(order, BenchWorld.DONATION, world.midtransKey));
                        for (int send = 0; ; send++) {
                            BenchWorld.Answer a = BenchWorld.invoke(handler, event);
                            if (a.status() == 200 && a.body().contains("\"applied\"")) {
                                return;
                            }
                            if (a.status() != 503 || send >= 5) {
                                throw new IllegalStateException("webhook answered " + a.status() + ": " + a.body());
                            }
                            oursResends.incrementAndGet();
                        }
                    });
                    direct += timed(pool, workers, directOrders, order -> {
                        for (int send = 0; !credit(client, world.table, order); send++) {
                            if (send >= 5) {
                                throw new IllegalStateException("contention: " + order);
                            }
                            directResends.incrementAndGet();
                        }
                    });
                }
                int n = perRun / 2 * 2;
                runs.add(new Run(scenario, n, n / ours, n / direct, oursResends.get(), directResends.get()));
                oursCount += n;
                oursSeconds += ours;
                directSeconds += direct;
                System.out.printf("  settle %-13s %5d donations x2, %d at once: ours %7.1f/s  direct %7.1f/s  ratio %.2f"
                                + "  (resent after 503: ours %d, direct %d)%n", scenario, n, workers, n / ours, n / direct,
                        (n / ours) / (n / direct), oursResends.get(), directResends.get());
            }
        } finally {
            pool.shutdownNow();
        }
        verifyChain(world, one);
        return new Result(runs, oursCount / oursSeconds, oursCount / directSeconds, workers);
    }

    interface Work {
        void settle(String orderId) throws Exception;
    }

    /** Seconds to settle all {@code orders} with {@code workers} at once. */
    private static double timed(ExecutorService pool, int workers, List<String> orders, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < orders.size(); ) {
                    work.settle(orders.get(i));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<String> pledges(BenchWorld world, List<String> appeals, int count) {
        List<String> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(world.pledge(appeals.get(i % appeals.size()), BenchWorld.DONATION, "midtrans")[1]);
        }
        return orders;
    }

    /**
     * The crediting requests the store makes, made directly (a SETTLED notification for a PENDING donation); false
     * when it gave up after 12 attempts, where the webhook would answer 503.
     */
    static boolean credit(DynamoDbClient client, String table, String orderId) {
        Map<String, AttributeValue> donationKey = Keys.donation(orderId);
        for (int attempt = 0; attempt < 12; attempt++) {
            if (attempt > 0) {
                backoff(attempt);
            }
            Map<String, AttributeValue> donation = client.getItem(g -> g.tableName(table).key(donationKey)
                    .consistentRead(true)).item();
            if (!"PENDING".equals(donation.get("status").s())) {
                return true;
            }
            String appealId = donation.get("appealId").s();
            long amount = Long.parseLong(donation.get("amount").n());
            Map<String, AttributeValue> head = client.getItem(g -> g.tableName(table)
                    .key(Keys.ledgerHead(appealId)).consistentRead(true)).item();
            Totals totals = new Totals(Rupiah.of(n(head, "donated")), Rupiah.of(n(head, "refunded")),
                    Rupiah.of(n(head, "disbursed")), n(head, "donationCount"), n(head, "seq"), head.get("lastHash").s());
            long target = n(head, "targetAmount");
            boolean anonymous = donation.containsKey("anonymous") && Boolean.TRUE.equals(donation.get("anonymous").bool());
            String donor = donation.containsKey("donorName") ? donation.get("donorName").s() : null;
            String name = anonymous || donor == null || donor.isBlank() ? LedgerEntry.ANONYMOUS : donor;
            String message = donation.containsKey("message") ? donation.get("message").s() : null;
            Instant at = Times.truncate(Instant.now());
            LedgerEntry entry = LedgerEntry.next(totals, LedgerEntryType.DONATION, Rupiah.of(amount), name, message,
                    null, orderId, at);
            Totals next = totals.after(entry);
            if (totals.raised() < target && next.raised() >= target) {
                throw new IllegalStateException("the bench's appeals must not reach their target");
            }
            Map<String, AttributeValue> newHead = new HashMap<>(Keys.ledgerHead(appealId));
            newHead.put("donated", num(next.donated().value()));
            newHead.put("refunded", num(next.refunded().value()));
            newHead.put("disbursed", num(next.disbursed().value()));
            newHead.put("donationCount", num(next.donationCount()));
            newHead.put("seq", num(next.seq()));
            newHead.put("lastHash", AttributeValue.fromS(next.lastHash()));
            newHead.put("targetAmount", num(target));
            newHead.put("appealStatus", head.get("appealStatus"));
            List<TransactWriteItem> items = List.of(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(newHead)
                            .conditionExpression("#seq = :seq AND #appealStatus = :appealStatus")
                            .expressionAttributeNames(Map.of("#seq", "seq", "#appealStatus", "appealStatus"))
                            .expressionAttributeValues(Map.of(":seq", num(totals.seq()),
                                    ":appealStatus", head.get("appealStatus")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(ledgerItem(appealId, entry))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(donationKey)
                            .updateExpression("SET #status = :to, settledAt = :settledAt, ledgerSeq = :seq, ledgerHash = :hash")
                            .conditionExpression("#status = :from")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(Map.of(
                                    ":from", AttributeValue.fromS("PENDING"),
                                    ":to", AttributeValue.fromS("SETTLED"),
                                    ":settledAt", AttributeValue.fromS(Times.format(at)),
                                    ":seq", num(entry.seq()),
                                    ":hash", AttributeValue.fromS(entry.hash())))).build());
            try {
                client.transactWriteItems(t -> t.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                // lost the race for the head: read again
            }
        }
        return false;
    }

    /** A ledger entry item, attribute for attribute as the store writes it. */
    static Map<String, AttributeValue> ledgerItem(String appealId, LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.ledger(appealId, e.seq()));
        item.put("seq", num(e.seq()));
        item.put("type", AttributeValue.fromS(e.type().name()));
        item.put("amount", num(e.amount().value()));
        putS(item, "donorName", e.donorName());
        putS(item, "message", e.message());
        putS(item, "recipient", e.recipient());
        putS(item, "reference", e.reference());
        item.put("at", AttributeValue.fromS(Times.format(e.at())));
        item.put("prevHash", AttributeValue.fromS(e.prevHash()));
        item.put("hash", AttributeValue.fromS(e.hash()));
        return item;
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    /** The store's backoff: a random pause up to 5·2^attempt ms, at most 200 ms. */
    private static void backoff(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Recomputes the one appeal's chain (both kinds of credit went into it) and checks it against the head. */
    private static void verifyChain(BenchWorld world, String appealId) {
        Stores stores = Wiring.stores();
        String prev = Totals.GENESIS;
        long seq = 0;
        long donated = 0;
        while (true) {
            List<LedgerEntry> page = stores.ledger().entries(appealId, seq, 1000);
            for (LedgerEntry e : page) {
                if (e.seq() != seq + 1 || !e.prevHash().equals(prev) || !e.hash().equals(e.recomputedHash())) {
                    throw new IllegalStateException("ledger chain broken at seq " + e.seq());
                }
                prev = e.hash();
                seq = e.seq();
                donated += e.amount().value();
            }
            if (page.size() < 1000) {
                break;
            }
        }
        Totals totals = stores.ledger().totals(appealId).orElseThrow();
        if (totals.seq() != seq || !totals.lastHash().equals(prev) || totals.donated().value() != donated) {
            throw new IllegalStateException("ledger head does not match its entries");
        }
        System.out.printf("  settle: the one appeal's ledger verifies (%d entries, chain and totals)%n", seq);
    }
}
