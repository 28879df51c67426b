package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.FaultInjector;
import id.peduli.local.testkit.Notifications;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.midtrans;
import static id.peduli.local.testkit.LocalApi.midtransWebhook;
import static id.peduli.local.testkit.LocalApi.pledge;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage faults injected at the SDK's wire (see {@link FaultInjector}): every write route answers a 5xx problem
 * document and leaves nothing half-written; retrying through flaky storage credits each donation exactly once.
 * Needs: nothing but the JDK.
 */
class FaultToleranceTest {
    private static final String REGION = "64.11";

    @AfterEach
    void disarm() {
        FaultInjector.disarm();
    }

    @ParameterizedTest(name = "failing {0}")
    @ValueSource(strings = {"*", "TransactWriteItems"})
    void everyWriteRoute_answers503_andWritesNothing_whenStorageIsUnreachable(String operation) {
        String officer = token("mahulu", "officer:" + REGION);
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode settledPledge = pledge(appeal, 100_000, "midtrans");
        midtransWebhook(midtrans(settledPledge.get("orderId").asText(), "settlement", "100000.00", "accept"));
        JsonNode pending = pledge(appeal, 20_000, "midtrans");
        JsonNode pendingX = pledge(appeal, 30_000, "xendit");
        String submitted = LocalApi.submit(appealBody(REGION));
        JsonNode ledgerBefore = get("/appeals/" + appeal + "/ledger").json();
        int queueBefore = OfficersApiTest.queueIds(officer, REGION).size();
        ObjectNode newAppeal = appealBody(REGION);
        ObjectNode disbursement = Json.object().put("amount", 50_000).put("recipient", "RSUD").put("reference", "T-9");

        FaultInjector.arm(operation, FaultInjector.Fault.CONNECTION, 1.0);
        List<LocalApi.Response> answers = List.of(
                post("/appeals", newAppeal, "idempotency-key", "fault-" + operation),
                post("/appeals/" + appeal + "/donations", PaymentsApiTest.body(10_000, "midtrans")),
                LocalApi.decide(officer, submitted, "VERIFY", null, null),
                post("/admin/appeals/" + appeal + "/disbursements", disbursement, bearer(officer)),
                midtransWebhook(midtrans(pending.get("orderId").asText(), "settlement", "20000.00", "accept")),
                LocalApi.xenditWebhook(Notifications.xendit(pendingX.get("orderId").asText(), "PAID", 30_000, 30_000L),
                        LocalApi.xenditToken()));
        FaultInjector.disarm();

        for (LocalApi.Response r : answers) {
            assertThat(r.status()).as(r.text()).isEqualTo(503);
            assertThat(r.header("content-type")).startsWith("application/problem+json");
            assertThat(r.json().get("requestId").asText()).isNotEmpty();
            assertThat(r.text()).doesNotContain("Exception", "injected", "PeduliTable");
        }
        assertThat(get("/appeals/" + appeal + "/ledger").json()).isEqualTo(ledgerBefore);
        assertThat(OfficersApiTest.queueIds(officer, REGION)).hasSize(queueBefore);
        assertThat(PaymentsApiTest.receipt(pending).get("status").asText()).isEqualTo("PENDING");
        assertThat(PaymentsApiTest.receipt(pendingX).get("status").asText()).isEqualTo("PENDING");
        assertThat(get("/admin/appeals/" + submitted, bearer(officer)).json().get("status").asText()).isEqualTo("SUBMITTED");

        // the same requests, once storage is back, go through once
        assertThat(post("/appeals", newAppeal, "idempotency-key", "fault-" + operation).status()).isEqualTo(201);
        assertThat(post("/appeals", newAppeal, "idempotency-key", "fault-" + operation).status()).isEqualTo(201);
        assertThat(OfficersApiTest.queueIds(officer, REGION)).hasSize(queueBefore + 1);
        assertThat(midtransWebhook(midtrans(pending.get("orderId").asText(), "settlement", "20000.00", "accept"))
                .json().get("result").asText()).isEqualTo("applied");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = FaultInjector.Fault.class)
    void retryingThroughFlakyStorage_creditsEachDonationOnce(FaultInjector.Fault fault) throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        List<ObjectNode> notifications = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < 12; i++) {
            long amount = 10_000 + 500L * i;
            expected += amount;
            notifications.add(midtrans(pledge(appeal, amount, "midtrans").get("orderId").asText(), "settlement",
                    amount + ".00", "accept"));
        }

        FaultInjector.arm("*", fault, 0.3);
        int failures = 0;
        for (ObjectNode n : notifications) {
            failures += deliverUntilAccepted(() -> midtransWebhook(n));
            deliverUntilAccepted(() -> midtransWebhook(n)); // and the provider's duplicate
        }
        int injected = FaultInjector.injected();
        FaultInjector.disarm();

        assertThat(injected).isPositive();
        JsonNode totals = get("/appeals/" + appeal + "/ledger").json().get("totals");
        assertThat(totals.get("donationCount").asLong()).isEqualTo(12);
        assertThat(totals.get("donated").asLong()).isEqualTo(expected);
        assertThat(LedgerApiTest.verify(appeal)).isEmpty();
        assertThat(failures).isGreaterThanOrEqualTo(0);
    }

    /** Delivers as a provider does: again and again until a 2xx (4xx other than 409 would be a bug here). */
    private static int deliverUntilAccepted(Supplier<LocalApi.Response> delivery) {
        for (int attempt = 0; attempt < 40; attempt++) {
            LocalApi.Response r = delivery.get();
            if (r.status() == 200) {
                return attempt;
            }
            assertThat(r.status()).as(r.text()).isGreaterThanOrEqualTo(500);
        }
        throw new AssertionError("never accepted");
    }
}
