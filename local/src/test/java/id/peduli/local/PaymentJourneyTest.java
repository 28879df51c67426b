package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.LogCapture;
import id.peduli.local.testkit.FaultInjector;
import id.peduli.local.testkit.Notifications;
import id.peduli.local.tools.LedgerVerifier;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import id.peduli.donations.Gateways;
import id.peduli.donations.ReconcilePaymentsHandler;
import id.peduli.local.sandbox.PaymentSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A donor really pays: the pledge creates the payment at the provider (the local payment sandbox, reached only
 * through the configured provider URLs), the donor pays on its page, the provider's notification credits the
 * donation once, and the receipt and the ledger agree. Then what goes wrong on the way: provider outages and lost
 * answers, storage failing between the provider call and storing the link, lost notifications recovered by
 * reconciliation, and pledges that expire unpaid.
 * Needs: nothing but the JDK (the stack runs in this JVM, DynamoDB Local in memory).
 */
class PaymentJourneyTest {
    private static final String REGION = "64.72";

    static {
        LogCapture.secret("budi@example.com"); // payer e-mails never reach a log line
    }

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    private static PaymentSandbox sandbox() {
        return LocalApi.stack().sandbox();
    }

    private static LocalApi.Response pledge(String appeal, long amount, String provider, String key) {
        ObjectNode body = PaymentsApiTest.body(amount, provider).put("email", "budi@example.com");
        return key == null ? post("/appeals/" + appeal + "/donations", body)
                : post("/appeals/" + appeal + "/donations", body, "idempotency-key", key);
    }

    private static LocalApi.Response pay(JsonNode pledge, String outcome, boolean deliver) {
        String reference = pledge.get("payment").get("providerReference").asText();
        return post("/_sandbox/pay/" + reference, Json.object().put("outcome", outcome).put("deliver", deliver));
    }

    private static List<String> verify(String appeal) throws Exception {
        return LedgerVerifier.verify(LocalApi.stack().baseUrl(), appeal, new PrintWriter(new StringWriter()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"midtrans", "xendit"})
    void journey_pledgePayNotifiedReceiptSettledWithItsWitness_andTheChainVerifies(String provider) throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);

        JsonNode pledged = pledge(appeal, 75_000, provider, null).json();
        String page = get(URIs.path(pledged.get("payment").get("url").asText())).text();
        LocalApi.Response paid = pay(pledged, "settlement", true);

        assertThat(page).contains("Rp 75.000");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().get("delivered").asBoolean()).isTrue();
        JsonNode receipt = get("/donations/" + pledged.get("id").asText()).json();
        assertThat(receipt.get("status").asText()).isEqualTo("SETTLED");
        assertThat(receipt.has("payment")).isFalse();
        JsonNode entry = LocalApi.allLedgerItems(appeal).get(0);
        assertThat(receipt.get("ledgerSeq").asLong()).isEqualTo(entry.get("seq").asLong());
        assertThat(receipt.get("ledgerHash").asText()).isEqualTo(entry.get("hash").asText());
        assertThat(entry.get("reference").asText()).isEqualTo(pledged.get("orderId").asText());
        assertThat(verify(appeal)).isEmpty();
        assertThat(sandbox().transactionsCreated(pledged.get("orderId").asText())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"midtrans", "xendit"})
    void providerOutage_answers503WithRetryAfterNamingThePledge_andTheRetryMakesOnePledgeAndOneTransaction(String provider) {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        sandbox().failNext(provider, PaymentSandbox.Fault.UNAVAILABLE, 1);

        LocalApi.Response first = pledge(appeal, 20_000, provider, "outage-" + provider);
        LocalApi.Response retry = pledge(appeal, 20_000, provider, "outage-" + provider);
        LocalApi.Response replay = pledge(appeal, 20_000, provider, "outage-" + provider);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("retry-after")).isNotBlank();
        assertThat(first.json().has("payment")).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.json().get("orderId")).isEqualTo(first.json().get("orderId"));
        assertThat(replay.json()).isEqualTo(retry.json());
        assertThat(sandbox().transactionsCreated(retry.json().get("orderId").asText())).isEqualTo(1);
    }

    @Test
    void anUnusableProviderAnswer_is502_andTheRetryResumesThePledge() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        sandbox().failNext("midtrans", PaymentSandbox.Fault.NOT_JSON, 1);

        LocalApi.Response first = pledge(appeal, 20_000, "midtrans", "garbled-answer");

        assertThat(first.status()).isEqualTo(502);
        assertThat(first.json().get("orderId").asText()).startsWith("peduli-");
        // the garbled answer came after Snap created the order: Snap gives no second token, so the pledge fails
        LocalApi.Response retry = pledge(appeal, 20_000, "midtrans", "garbled-answer");
        assertThat(retry.status()).isEqualTo(502);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.json().get("detail").asText()).contains("pledge again");
        assertThat(get("/donations/" + first.json().get("id").asText()).json().get("status").asText()).isEqualTo("FAILED");
        assertThat(sandbox().transactionsCreated(first.json().get("orderId").asText())).isEqualTo(1);
    }

    @Test
    void xenditAnsweringAnotherAmount_is502_andTheRetryReusesTheInvoiceXenditHolds() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        sandbox().failNext("xendit", PaymentSandbox.Fault.WRONG_ANSWER, 1);

        LocalApi.Response first = pledge(appeal, 30_000, "xendit", "wrong-amount");
        LocalApi.Response retry = pledge(appeal, 30_000, "xendit", "wrong-amount");

        assertThat(first.status()).isEqualTo(502);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(sandbox().transactionsCreated(retry.json().get("orderId").asText())).isEqualTo(1);
    }

    @Test
    void aLostCreateAnswer_times_out_as503_andTheRetryFindsTheXenditInvoice() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        sandbox().failNext("xendit", PaymentSandbox.Fault.SLOW, 1);

        LocalApi.Response first = pledge(appeal, 40_000, "xendit", "slow-xendit");
        LocalApi.Response retry = pledge(appeal, 40_000, "xendit", "slow-xendit");

        assertThat(first.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("orderId")).isEqualTo(first.json().get("orderId"));
        assertThat(sandbox().transactionsCreated(retry.json().get("orderId").asText())).isEqualTo(1);
        assertThat(pay(retry.json(), "settlement", true).json().get("delivered").asBoolean()).isTrue();
        assertThat(get("/donations/" + retry.json().get("id").asText()).json().get("status").asText()).isEqualTo("SETTLED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"midtrans", "xendit"})
    void storageFailingBeforeTheProviderCall_thenAfterIt_neverMakesTwoPayments(String provider) {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        String key = "crash-" + provider;

        FaultInjector.arm("UpdateItem", FaultInjector.Fault.CONNECTION, 1.0); // the claim, before the provider call
        LocalApi.Response beforeCall = pledge(appeal, 50_000, provider, key);
        FaultInjector.arm("TransactWriteItems", FaultInjector.Fault.CONNECTION, 1.0); // storing the link, after it
        LocalApi.Response afterCall = pledge(appeal, 50_000, provider, key);
        FaultInjector.disarm();
        LocalApi.Response retry = pledge(appeal, 50_000, provider, key);

        assertThat(beforeCall.status()).isEqualTo(503);
        assertThat(afterCall.status()).isEqualTo(503);
        String orderId = retry.json().get("orderId").asText();
        assertThat(sandbox().transactionsCreated(orderId)).isEqualTo(1);
        if (provider.equals("xendit")) {
            // Xendit can be asked: the invoice it holds is reused
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json().get("payment").get("url").asText()).contains("/_sandbox/pay/");
        } else {
            // Snap cannot: it refuses the order again and gives no second token, so the pledge fails honestly
            assertThat(retry.status()).isEqualTo(502);
            assertThat(get("/donations/" + retry.json().get("id").asText()).json().get("status").asText())
                    .isEqualTo("FAILED");
        }
    }

    @Test
    void lostNotifications_twoHundredPaid_areAllCreditedOnceByOneReconciliation_andLateNotificationsAreDuplicates()
            throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        List<JsonNode> pledges = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            JsonNode pledged = pledge(appeal, 10_000 + i, i % 2 == 0 ? "midtrans" : "xendit", null).json();
            assertThat(pay(pledged, "settlement", false).json().get("delivered").asBoolean()).isFalse();
            pledges.add(pledged);
        }
        JsonNode unpaid = pledge(appeal, 99_000, "midtrans", null).json();

        JsonNode tooSoon = reconcile(Instant.now());
        JsonNode report = reconcile(Instant.now().plus(Duration.ofMinutes(11)));

        // other tests' pledges share this stack: they are examined too, and stay as they are
        assertThat(tooSoon.get("settled").asInt()).isZero();
        assertThat(report.get("settled").asInt()).isEqualTo(200);
        assertThat(report.get("unchanged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("examined").asInt()).isEqualTo(report.get("settled").asInt()
                + report.get("unchanged").asInt() + report.get("failed").asInt() + report.get("expired").asInt());
        for (JsonNode pledged : pledges) {
            assertThat(get("/donations/" + pledged.get("id").asText()).json().get("status").asText()).isEqualTo("SETTLED");
        }
        assertThat(get("/donations/" + unpaid.get("id").asText()).json().get("status").asText()).isEqualTo("PENDING");
        JsonNode ledger = get("/appeals/" + appeal + "/ledger").json();
        long expected = pledges.stream().mapToLong(p -> p.get("amount").asLong()).sum();
        assertThat(ledger.get("totals").get("donated").asLong()).isEqualTo(expected);
        assertThat(ledger.get("totals").get("donationCount").asLong()).isEqualTo(200);
        assertThat(verify(appeal)).isEmpty();

        JsonNode first = pledges.get(0);
        LocalApi.Response late = LocalApi.midtransWebhook(LocalApi.midtrans(first.get("orderId").asText(), "settlement",
                first.get("amount").asLong() + ".00", "accept"));
        assertThat(late.json().get("result").asText()).isEqualTo("duplicate");
        assertThat(reconcile(Instant.now().plus(Duration.ofMinutes(11))).get("settled").asInt()).isZero();

        JsonNode expiry = reconcile(Instant.now().plus(Duration.ofHours(25)));
        assertThat(expiry.get("expired").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(get("/donations/" + unpaid.get("id").asText()).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("donated").asLong()).isEqualTo(expected);
    }

    @Test
    void reconciliation_stopsBeforeItsTimeout_andTheNextRunResumesWhereItStopped() {
        LocalApi.stack(); // configures the functions' environment
        Instant asOf = Instant.now().plus(Duration.ofMinutes(11));
        ReconcilePaymentsHandler reconciler = new ReconcilePaymentsHandler(id.peduli.core.wiring.Wiring.stores(),
                Gateways.fromEnvironment(), java.time.Clock.systemUTC());
        ReconcilePaymentsHandler.Report baseline = reconciler.reconcile(asOf, () -> Long.MAX_VALUE, line -> { });
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        List<JsonNode> lost = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode pledged = pledge(appeal, 10_000 + i, "xendit", null).json();
            pay(pledged, "settlement", false);
            lost.add(pledged);
        }
        int pending = baseline.unchanged() + lost.size();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        // the function's clock runs out after two donations: the run stops and keeps its place
        ReconcilePaymentsHandler.Report cut = reconciler.reconcile(asOf,
                () -> calls.getAndIncrement() < 2 ? Long.MAX_VALUE : 1_000, line -> { });
        ReconcilePaymentsHandler.Report resumed = reconciler.reconcile(asOf, () -> Long.MAX_VALUE, line -> { });

        assertThat(cut.examined()).isEqualTo(2);
        assertThat(resumed.examined()).isEqualTo(pending - 2);
        assertThat(cut.settled() + resumed.settled()).isEqualTo(5);
        for (JsonNode pledged : lost) {
            assertThat(get("/donations/" + pledged.get("id").asText()).json().get("status").asText()).isEqualTo("SETTLED");
        }
    }

    @Test
    void reconcile_refusesAnAsOfThatIsNotAnInstant() {
        LocalApi.Response r = post("/_local/reconcile", Json.object().put("asOf", "yesterday"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(AppealsApiTest.pointers(r.json())).containsExactly("/asOf");
    }

    @Test
    void midtransNumbers_areSignedAsSent_soNumericStatusCodeAndGrossAmountAreAccepted() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        String order = pledge(appeal, 50_000, "midtrans", null).json().get("orderId").asText();
        String numeric = "{\"order_id\":\"" + order + "\",\"status_code\":200,\"gross_amount\":50000,"
                + "\"transaction_status\":\"settlement\",\"signature_key\":\""
                + Notifications.midtransSignature(order, "200", "50000", LocalApi.midtransKey()) + "\"}";
        String reformatted = numeric.replace(Notifications.midtransSignature(order, "200", "50000", LocalApi.midtransKey()),
                Notifications.midtransSignature(order, "200", "50000.00", LocalApi.midtransKey()));

        LocalApi.Response forged = LocalApi.send("POST", "/webhooks/midtrans", reformatted, "content-type", "application/json");
        LocalApi.Response applied = LocalApi.send("POST", "/webhooks/midtrans", numeric, "content-type", "application/json");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("result").asText()).isEqualTo("applied");
    }

    @Test
    void theEmail_reachesTheProvider_butNoPublicAnswer() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode pledged = pledge(appeal, 60_000, "xendit", null).json();
        pay(pledged, "settlement", true);

        assertThat(pledged.toString()).doesNotContain("budi@example.com");
        assertThat(get("/donations/" + pledged.get("id").asText()).text()).doesNotContain("budi@example.com");
        assertThat(get("/appeals/" + appeal + "/ledger").text()).doesNotContain("budi@example.com");
        assertThat(get("/appeals/" + appeal + "/ledger.csv").text()).doesNotContain("budi@example.com");
        String invoices = LocalApi.send("GET", "/_sandbox/xendit/v2/invoices?external_id=" + pledged.get("orderId").asText(),
                null, "authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (LocalStack.DEVELOPMENT_SECRETS.get("XENDIT_SECRET_KEY") + ":").getBytes())).text();
        assertThat(invoices).contains("budi@example.com");
    }

    private static JsonNode reconcile(Instant asOf) {
        LocalApi.Response r = post("/_local/reconcile", Json.object().put("asOf", asOf.toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The path and query of a URL on the local stack. */
    private static final class URIs {
        static String path(String url) {
            java.net.URI uri = java.net.URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }
}
