package id.peduli.local;

import id.peduli.core.store.dynamodb.Keys;
import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.FaultInjector;
import id.peduli.local.testkit.Notifications;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.midtrans;
import static id.peduli.local.testkit.LocalApi.midtransWebhook;
import static id.peduli.local.testkit.LocalApi.pledge;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.token;
import static id.peduli.local.testkit.LocalApi.xenditToken;
import static id.peduli.local.testkit.LocalApi.xenditWebhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import id.peduli.core.store.dynamodb.Dynamo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pledges and both gateways' notifications, through the local API against DynamoDB Local: authenticity, the status
 * mapping, exactly-once crediting under duplicates and concurrency, FUNDED, and storage faults.
 * Needs: nothing but the JDK.
 */
class PaymentsApiTest {
    private static final String REGION = "64.07";

    @AfterEach
    void noFaults() {
        FaultInjector.disarm();
    }

    @Test
    void pledge_isPending_withAnOrderIdForTheGateway_andAPaymentPage() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 50_000, "midtrans");

        assertThat(AppealsApiTest.fieldNames(d)).containsExactlyInAnyOrder("id", "orderId", "appealId", "amount",
                "provider", "status", "createdAt", "expiresAt", "payment");
        assertThat(d.get("status").asText()).isEqualTo("PENDING");
        assertThat(d.get("amount").asLong()).isEqualTo(50_000);
        assertThat(d.get("orderId").asText()).isNotEqualTo(d.get("id").asText()).matches("[A-Za-z0-9_~.-]{1,50}");
        assertThat(d.get("payment").get("url").asText())
                .isEqualTo(LocalApi.stack().baseUrl() + "/_sandbox/pay/" + d.get("payment").get("providerReference").asText());
        JsonNode receipt = get("/donations/" + d.get("id").asText()).json();
        assertThat(receipt.get("status").asText()).isEqualTo("PENDING");
        assertThat(receipt.has("settledAt")).isFalse();
        assertThat(receipt.get("payment")).isEqualTo(d.get("payment"));
        assertThat(receipt.get("expiresAt")).isEqualTo(d.get("expiresAt"));
        assertThat(get("/donations/" + d.get("orderId").asText()).status()).isEqualTo(404);
    }

    @Test
    void pledge_rules() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        String path = "/appeals/" + appeal + "/donations";
        assertThat(post(path, body(9_999, "midtrans")).status()).isEqualTo(400);
        assertThat(post(path, body(100_000_001, "midtrans")).status()).isEqualTo(400);
        assertThat(post(path, body(10_000, "gopay")).status()).isEqualTo(400);
        assertThat(post(path, body(10_000, "xendit").put("status", "SETTLED")).status()).isEqualTo(400);
        assertThat(post(path, body(10_000, "xendit").put("message", "x".repeat(281))).status()).isEqualTo(400);
        assertThat(post(path, body(10_000, "xendit").put("amount", 10_000.0)).status()).isEqualTo(400);
        assertThat(post(path, body(10_000, "xendit")).status()).isEqualTo(201);
        assertThat(post(path, body(100_000_000, "midtrans")).status()).isEqualTo(201);

        String submitted = LocalApi.submit(LocalApi.appealBody(REGION));
        assertThat(post("/appeals/" + submitted + "/donations", body(10_000, "midtrans")).status()).isEqualTo(404);
        assertThat(post("/appeals/nope/donations", body(10_000, "midtrans")).status()).isEqualTo(404);

        ObjectNode b = body(25_000, "midtrans");
        LocalApi.Response first = post(path, b, "idempotency-key", "pledge-1");
        LocalApi.Response again = post(path, b, "idempotency-key", "pledge-1");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(post(path, body(26_000, "midtrans"), "idempotency-key", "pledge-1").status()).isEqualTo(409);
    }

    @Test
    void midtrans_authenticSettlement_isCreditedOnce_andForgeriesChangeNothing() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 50_000, "midtrans");
        String order = d.get("orderId").asText();

        ObjectNode forged = midtrans(order, "settlement", "50000.00", "accept");
        forged.put("signature_key", Notifications.midtransSignature(order, "200", "50000.00", "guessed-key"));
        LocalApi.Response refused = midtransWebhook(forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).doesNotContain(order, "50000", "PENDING");
        ObjectNode unsigned = midtrans(order, "settlement", "50000.00", "accept");
        unsigned.remove("signature_key");
        assertThat(midtransWebhook(unsigned).status()).isEqualTo(401);
        ObjectNode alteredAmount = midtrans(order, "settlement", "50000.00", "accept");
        alteredAmount.put("gross_amount", "5000000.00");
        assertThat(midtransWebhook(alteredAmount).status()).isEqualTo(401);
        assertThat(receipt(d).get("status").asText()).isEqualTo("PENDING");

        assertThat(midtransWebhook(midtrans(order, "settlement", "50000.00", "accept")).json().get("result").asText()).isEqualTo("applied");
        assertThat(midtransWebhook(midtrans(order, "settlement", "50000.00", "accept")).json().get("result").asText()).isEqualTo("duplicate");
        assertThat(midtransWebhook(midtrans(order, "capture", "50000.00", "accept")).json().get("result").asText()).isEqualTo("duplicate");
        assertThat(midtransWebhook(midtrans(order, "pending", "50000.00", null)).json().get("result").asText()).isEqualTo("ignored");
        assertThat(midtransWebhook(midtrans(order, "expire", "50000.00", null)).json().get("result").asText()).isEqualTo("ignored");

        JsonNode r = receipt(d);
        assertThat(r.get("status").asText()).isEqualTo("SETTLED");
        assertThat(r.get("settledAt").asText()).isNotEmpty();
        JsonNode ledger = get("/appeals/" + appeal + "/ledger").json();
        assertThat(ledger.get("items")).hasSize(1);
        assertThat(ledger.get("items").get(0).get("reference").asText()).isEqualTo(order);
        assertThat(ledger.get("items").get(0).get("hash").asText()).isEqualTo(r.get("ledgerHash").asText());
        assertThat(ledger.get("totals").get("donated").asLong()).isEqualTo(50_000);
        assertThat(get("/appeals/" + appeal).json().get("raisedAmount").asLong()).isEqualTo(50_000);
    }

    @Test
    void midtrans_malformedAndUnknown() {
        assertThat(LocalApi.send("POST", "/webhooks/midtrans", "{not json", "content-type", "application/json").status()).isEqualTo(400);
        ObjectNode unknown = midtrans("peduli-unknownOrder000000000000", "settlement", "50000.00", "accept");
        assertThat(midtransWebhook(unknown).status()).isEqualTo(404);
        ObjectNode noStatus = midtrans("peduli-unknownOrder000000000000", "settlement", "50000.00", "accept");
        noStatus.remove("transaction_status");
        assertThat(midtransWebhook(noStatus).status()).isEqualTo(400);
        ObjectNode badAmount = midtrans("peduli-x", "settlement", "fifty", "accept");
        assertThat(midtransWebhook(badAmount).status()).isEqualTo(400);
    }

    static Stream<Arguments> midtransMapping() {
        return Stream.of(
                Arguments.of("settlement", "accept", "applied", "SETTLED"),
                Arguments.of("settlement", null, "applied", "SETTLED"),
                Arguments.of("capture", "accept", "applied", "SETTLED"),
                Arguments.of("capture", "challenge", "ignored", "PENDING"),
                Arguments.of("deny", null, "applied", "FAILED"),
                Arguments.of("cancel", null, "applied", "FAILED"),
                Arguments.of("failure", null, "applied", "FAILED"),
                Arguments.of("expire", null, "applied", "EXPIRED"),
                Arguments.of("pending", null, "ignored", "PENDING"),
                Arguments.of("refund", null, "ignored", "PENDING"));
    }

    @ParameterizedTest(name = "{0}/{1} -> {3}")
    @MethodSource("midtransMapping")
    void midtrans_statusMapping(String status, String fraud, String result, String donationStatus) {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 20_000, "midtrans");

        LocalApi.Response r = midtransWebhook(midtrans(d.get("orderId").asText(), status, "20000.00", fraud));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("result").asText()).isEqualTo(result);
        assertThat(receipt(d).get("status").asText()).isEqualTo(donationStatus);
    }

    @Test
    void refund_afterSettlement_appendsARefundEntry() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 30_000, "midtrans");
        String order = d.get("orderId").asText();
        midtransWebhook(midtrans(order, "settlement", "30000.00", "accept"));

        assertThat(midtransWebhook(midtrans(order, "refund", "30000.00", null)).json().get("result").asText()).isEqualTo("applied");
        assertThat(midtransWebhook(midtrans(order, "refund", "30000.00", null)).json().get("result").asText()).isEqualTo("duplicate");
        assertThat(midtransWebhook(midtrans(order, "settlement", "30000.00", "accept")).json().get("result").asText()).isEqualTo("ignored");

        JsonNode ledger = get("/appeals/" + appeal + "/ledger").json();
        assertThat(ledger.get("items")).extracting(i -> i.get("type").asText()).containsExactly("DONATION", "REFUND");
        assertThat(ledger.get("totals").get("refunded").asLong()).isEqualTo(30_000);
        assertThat(ledger.get("totals").get("balance").asLong()).isEqualTo(0);
        assertThat(receipt(d).get("status").asText()).isEqualTo("REFUNDED");
    }

    @Test
    void amountMismatch_isNotCredited_andOfficersSeeTheAnomaly() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 40_000, "midtrans");
        String order = d.get("orderId").asText();

        LocalApi.Response r = midtransWebhook(midtrans(order, "settlement", "4000.00", "accept"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(receipt(d).get("status").asText()).isEqualTo("PENDING");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("items")).isEmpty();
        JsonNode anomalies = get("/admin/appeals/" + appeal, bearer(token("o", "officer:" + REGION))).json().get("anomalies");
        assertThat(anomalies).hasSize(1);
        assertThat(anomalies.get(0).get("orderId").asText()).isEqualTo(order);
        assertThat(anomalies.get(0).get("expectedAmount").asLong()).isEqualTo(40_000);
        assertThat(anomalies.get(0).get("paidAmount").asText()).isEqualTo("4000.00");

        JsonNode x = pledge(appeal, 40_000, "xendit");
        assertThat(xenditWebhook(Notifications.xendit(x.get("orderId").asText(), "PAID", 40_000, 39_000L), xenditToken()).status()).isEqualTo(409);
    }

    @Test
    void xendit_tokenAndMapping() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode paid = pledge(appeal, 75_000, "xendit");
        JsonNode expired = pledge(appeal, 15_000, "xendit");
        ObjectNode callback = Notifications.xendit(paid.get("orderId").asText(), "PAID", 75_000, 75_000L);

        assertThat(xenditWebhook(callback, "wrong-token").status()).isEqualTo(401);
        assertThat(post("/webhooks/xendit", callback).status()).isEqualTo(401);
        assertThat(xenditWebhook(callback, xenditToken() + "x").status()).isEqualTo(401);
        assertThat(receipt(paid).get("status").asText()).isEqualTo("PENDING");

        assertThat(xenditWebhook(callback, xenditToken()).json().get("result").asText()).isEqualTo("applied");
        assertThat(xenditWebhook(callback, xenditToken()).json().get("result").asText()).isEqualTo("duplicate");
        ObjectNode settled = Notifications.xendit(paid.get("orderId").asText(), "SETTLED", 75_000, 75_000L);
        assertThat(xenditWebhook(settled, xenditToken()).json().get("result").asText()).isEqualTo("duplicate");
        ObjectNode lateExpiry = Notifications.xendit(paid.get("orderId").asText(), "EXPIRED", 75_000, null);
        assertThat(xenditWebhook(lateExpiry, xenditToken()).json().get("result").asText()).isEqualTo("ignored");
        assertThat(receipt(paid).get("status").asText()).isEqualTo("SETTLED");

        ObjectNode expiry = Notifications.xendit(expired.get("orderId").asText(), "EXPIRED", 15_000, null);
        assertThat(xenditWebhook(expiry, xenditToken()).json().get("result").asText()).isEqualTo("applied");
        assertThat(receipt(expired).get("status").asText()).isEqualTo("EXPIRED");

        assertThat(xenditWebhook(Notifications.xendit("peduli-nope", "PAID", 1, 1L), xenditToken()).status()).isEqualTo(404);
        ObjectNode malformed = Notifications.xendit(paid.get("orderId").asText(), "PAID", 75_000, 75_000L);
        malformed.remove("external_id");
        assertThat(xenditWebhook(malformed, xenditToken()).status()).isEqualTo(400);
    }

    @Test
    void settlement_isCreditedOnce_whenDeliveredFiftyTimesConcurrently() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 60_000, "midtrans");
        ObjectNode notification = midtrans(d.get("orderId").asText(), "settlement", "60000.00", "accept");

        List<String> results = concurrently(50, () -> midtransWebhook(notification).json().get("result").asText());

        assertThat(results.stream().filter("applied"::equals)).hasSize(1);
        assertThat(results.stream().filter("duplicate"::equals)).hasSize(49);
        JsonNode ledger = get("/appeals/" + appeal + "/ledger").json();
        assertThat(ledger.get("items")).hasSize(1);
        assertThat(ledger.get("totals").get("donated").asLong()).isEqualTo(60_000);
        assertThat(ledger.get("totals").get("donationCount").asLong()).isEqualTo(1);
    }

    @Test
    void manyDistinctSettlementsAtOnce_allLandOnOneUnbrokenChain() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        List<ObjectNode> notifications = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            notifications.add(midtrans(pledge(appeal, 10_000 + i, "midtrans").get("orderId").asText(), "settlement",
                    (10_000 + i) + ".00", "accept"));
        }
        List<ObjectNode> queue = Collections.synchronizedList(new ArrayList<>(notifications));
        List<String> results = concurrently(20, () -> midtransWebhook(queue.remove(0)).json().get("result").asText());

        assertThat(results).containsOnly("applied");
        assertThat(LedgerApiTest.verify(appeal)).isEmpty();
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("donated").asLong())
                .isEqualTo(20 * 10_000 + 190);
    }

    @Test
    void fundedAppeal_refusesPledges_butLatePaymentsAreStillCredited() {
        String appeal = LocalApi.verifiedAppeal(REGION, 100_000);
        JsonNode first = pledge(appeal, 60_000, "midtrans");
        JsonNode second = pledge(appeal, 60_000, "xendit");
        JsonNode late = pledge(appeal, 10_000, "midtrans");

        midtransWebhook(midtrans(first.get("orderId").asText(), "settlement", "60000.00", "accept"));
        assertThat(get("/appeals/" + appeal).json().get("status").asText()).isEqualTo("VERIFIED");
        xenditWebhook(Notifications.xendit(second.get("orderId").asText(), "PAID", 60_000, 60_000L), xenditToken());

        JsonNode view = get("/appeals/" + appeal).json();
        assertThat(view.get("status").asText()).isEqualTo("FUNDED");
        assertThat(view.get("raisedAmount").asLong()).isEqualTo(120_000);
        assertThat(post("/appeals/" + appeal + "/donations", body(10_000, "midtrans")).status()).isEqualTo(409);

        assertThat(midtransWebhook(midtrans(late.get("orderId").asText(), "settlement", "10000.00", "accept"))
                .json().get("result").asText()).isEqualTo("applied");
        assertThat(get("/appeals/" + appeal).json().get("raisedAmount").asLong()).isEqualTo(130_000);
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("donationCount").asLong()).isEqualTo(3);
    }

    /** Pledges are checked against the ledger head's copy of the appeal's status; every change must reach it. */
    @Test
    void theLedgerHeadsCopyOfTheStatus_followsTheAppeal_throughDecisionsAndFunding() {
        ObjectNode body = LocalApi.appealBody(REGION);
        body.put("targetAmount", 100_000);
        String appeal = LocalApi.submit(body);
        assertThat(statusAndCopy(appeal)).containsExactly("SUBMITTED", "SUBMITTED");
        String officer = token("o", "officer:" + REGION);
        assertThat(LocalApi.decide(officer, appeal, "VERIFY", null, null).status()).isEqualTo(200);
        assertThat(statusAndCopy(appeal)).containsExactly("VERIFIED", "VERIFIED");

        JsonNode d = pledge(appeal, 100_000, "midtrans");
        midtransWebhook(midtrans(d.get("orderId").asText(), "settlement", "100000.00", "accept"));
        assertThat(statusAndCopy(appeal)).containsExactly("FUNDED", "FUNDED");
        assertThat(post("/appeals/" + appeal + "/donations", body(10_000, "midtrans")).status()).isEqualTo(409);

        assertThat(LocalApi.decide(officer, appeal, "CLOSE", "dana terkumpul", null).status()).isEqualTo(200);
        assertThat(statusAndCopy(appeal)).containsExactly("CLOSED", "CLOSED");
    }

    /**
     * A decision made while donations are being credited: every credit lands once, the decision is not refused for
     * the ledger head being busy, and no credit that read the head before the decision writes the old status back.
     */
    @Test
    void decisionDuringCredits_keepsTheStatusCopy_andEveryCredit() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            orders.add(pledge(appeal, 10_000 + i, "midtrans").get("orderId").asText());
        }
        String officer = token("o", "officer:" + REGION);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> statuses = concurrently(17, () -> {
            int i = next.getAndIncrement();
            if (i == 8) {
                return LocalApi.decide(officer, appeal, "CLOSE", "pasien dirujuk ke luar negeri", null).status();
            }
            String order = orders.get(i < 8 ? i : i - 1);
            String amount = (10_000 + (i < 8 ? i : i - 1)) + ".00";
            return midtransWebhook(midtrans(order, "settlement", amount, "accept")).status();
        });

        assertThat(statuses).containsOnly(200);
        assertThat(statusAndCopy(appeal)).containsExactly("CLOSED", "CLOSED");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("donationCount").asLong()).isEqualTo(16);
    }

    /** A credit that read the ledger head before a decision must not write the old status back over it. */
    @Test
    void creditThatReadTheHeadBeforeADecision_rereadsIt() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 10_000, "midtrans");
        String officer = token("o", "officer:" + REGION);
        List<Integer> decided = new ArrayList<>();
        // the settlement reads the donation and the head; the officer closes the appeal; then the settlement writes
        FaultInjector.before("TransactWriteItems",
                () -> decided.add(LocalApi.decide(officer, appeal, "CLOSE", "pasien meninggal", null).status()));

        assertThat(midtransWebhook(midtrans(d.get("orderId").asText(), "settlement", "10000.00", "accept"))
                .json().get("result").asText()).isEqualTo("applied");
        assertThat(decided).containsExactly(200);
        assertThat(statusAndCopy(appeal)).containsExactly("CLOSED", "CLOSED");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("donated").asLong()).isEqualTo(10_000);
    }

    /** The appeal item's status and the ledger head's copy of it, read from the table. */
    private static List<String> statusAndCopy(String appeal) {
        String table = LocalApi.stack().tableName();
        try (DynamoDbClient dynamo = Dynamo.newClient()) {
            Function<Map<String, AttributeValue>, Map<String, AttributeValue>> item = key -> dynamo.getItem(g -> g
                    .tableName(table).consistentRead(true).key(key)).item();
            return List.of(item.apply(Keys.appeal(appeal)).get("status").s(),
                    item.apply(Keys.ledgerHead(appeal)).get("appealStatus").s());
        }
    }

    @Test
    void closedAppeal_stillCreditsMoneyReceived() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 10_000, "midtrans");
        LocalApi.decide(token("o", "officer:" + REGION), appeal, "CLOSE", "pasien meninggal", null);
        assertThat(post("/appeals/" + appeal + "/donations", body(10_000, "midtrans")).status()).isEqualTo(409);

        assertThat(midtransWebhook(midtrans(d.get("orderId").asText(), "settlement", "10000.00", "accept"))
                .json().get("result").asText()).isEqualTo("applied");
        JsonNode view = get("/appeals/" + appeal).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("raisedAmount").asLong()).isEqualTo(10_000);
    }

    @Test
    void storageFault_answers503_withNothingWritten_thenTheRetryIsCreditedOnce() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 45_000, "midtrans");
        ObjectNode notification = midtrans(d.get("orderId").asText(), "settlement", "45000.00", "accept");

        FaultInjector.arm("TransactWriteItems", FaultInjector.Fault.CONNECTION, 1.0);
        LocalApi.Response failed = midtransWebhook(notification);
        FaultInjector.disarm();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("requestId").asText()).isNotEmpty();
        assertThat(failed.text()).doesNotContain("Exception", "injected", "at id.");
        assertThat(receipt(d).get("status").asText()).isEqualTo("PENDING");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("items")).isEmpty();

        assertThat(midtransWebhook(notification).json().get("result").asText()).isEqualTo("applied");
        assertThat(midtransWebhook(notification).json().get("result").asText()).isEqualTo("duplicate");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("items")).hasSize(1);
    }

    @Test
    void throttledReads_answer503() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode d = pledge(appeal, 45_000, "midtrans");
        ObjectNode notification = midtrans(d.get("orderId").asText(), "settlement", "45000.00", "accept");

        FaultInjector.arm("GetItem", FaultInjector.Fault.THROTTLING, 1.0);
        LocalApi.Response failed = midtransWebhook(notification);
        FaultInjector.disarm();

        assertThat(failed.status()).isEqualTo(503);
        assertThat(FaultInjector.injected()).isGreaterThanOrEqualTo(3); // the SDK retried before giving up
        assertThat(midtransWebhook(notification).json().get("result").asText()).isEqualTo("applied");
    }

    // ---- helpers

    static ObjectNode body(long amount, String provider) {
        ObjectNode b = Json.object();
        b.put("amount", amount);
        b.put("donorName", "Budi");
        b.put("provider", provider);
        return b;
    }

    static JsonNode receipt(JsonNode pledge) {
        return get("/donations/" + pledge.get("id").asText()).json();
    }

    static <T> List<T> concurrently(int n, java.util.concurrent.Callable<T> task) throws Exception {
        List<T> results = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    results.add(task.call());
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(errors).isEmpty();
        return results;
    }
}
