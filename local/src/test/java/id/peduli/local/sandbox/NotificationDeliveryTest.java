package id.peduli.local.sandbox;

import static id.peduli.local.sandbox.Sandboxes.SERVER_KEY;
import static id.peduli.local.sandbox.Sandboxes.eventually;
import static id.peduli.local.sandbox.Sandboxes.invoiceCreate;
import static id.peduli.local.sandbox.Sandboxes.json;
import static id.peduli.local.sandbox.Sandboxes.orderId;
import static id.peduli.local.sandbox.Sandboxes.pause;
import static id.peduli.local.sandbox.Sandboxes.pay;
import static id.peduli.local.sandbox.Sandboxes.snapCreate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the sandbox posts notifications: signed or tokened as the providers do, once when the webhook takes it,
 * again on a non-2xx until one succeeds or the schedule ends, never when the test asks for a lost one. The webhook
 * is a real HTTP server on loopback; resends run on a schedule of 50 ms steps.
 */
class NotificationDeliveryTest {
    private static final Duration STEP = Duration.ofMillis(50);

    private WebhookReceiver webhook;
    private PaymentSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        webhook = new WebhookReceiver();
        sandbox = Sandboxes.sandbox(webhook.baseUrl(), new Sandboxes.MovableClock(Instant.parse("2026-11-22T10:15:30Z")),
                STEP, STEP, STEP, STEP);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        webhook.close();
    }

    @Test
    void midtransNotification_isSignedWithSha512OfOrderIdStatusCodeGrossAmountAndServerKey() {
        // given a Snap transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when it is paid
        pay(sandbox, token, "settlement", true);

        // then Midtrans's notification, whose signature the test recomputes from the fields as sent
        WebhookReceiver.Received received = webhook.received().get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/webhooks/midtrans");
        assertThat(received.headers().get("content-type")).startsWith("application/json");
        JsonNode n = json(received.body());
        assertThat(n.path("order_id").asText()).isEqualTo(order);
        assertThat(n.path("status_code").isTextual()).isTrue();
        assertThat(n.path("status_code").asText()).isEqualTo("200");
        assertThat(n.path("gross_amount").asText()).isEqualTo("50000.00");
        assertThat(n.path("transaction_status").asText()).isEqualTo("settlement");
        assertThat(n.path("fraud_status").asText()).isEqualTo("accept");
        assertThat(n.path("status_message").asText()).isEqualTo("midtrans payment notification");
        for (String field : new String[] {"transaction_id", "payment_type", "transaction_time", "currency", "merchant_id"}) {
            assertThat(n.hasNonNull(field)).as(field).isTrue();
        }
        assertThat(n.path("signature_key").asText()).matches("[0-9a-f]{128}")
                .isEqualTo(Signatures.midtrans(order, "200", "50000.00", SERVER_KEY));
        assertThat(received.headers()).doesNotContainKey("x-callback-token");
    }

    @ParameterizedTest(name = "{0} → transaction_status {1}, fraud_status {2}, status_code {3}")
    @CsvSource({
            "settlement, settlement, accept, 200",
            "challenge, capture, challenge, 201",
            "deny, deny, deny, 202",
            "cancel, cancel, accept, 202",
            "expire, expire, accept, 202",
    })
    void midtransNotification_carriesTheStatusCodeMidtransGivesEachStatus(String outcome, String status, String fraud,
                                                                        String statusCode) {
        // given a Snap transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 30_000)).path("token").asText();

        // when the outcome is chosen
        SandboxResponse answer = pay(sandbox, token, outcome, true);

        // then the notification says so, signed for that status code
        assertThat(json(answer).path("status").asText()).isEqualTo(status);
        JsonNode n = json(webhook.received().get(0).body());
        assertThat(n.path("transaction_status").asText()).isEqualTo(status);
        assertThat(n.path("fraud_status").asText()).isEqualTo(fraud);
        assertThat(n.path("status_code").asText()).isEqualTo(statusCode);
        assertThat(n.path("signature_key").asText()).isEqualTo(Signatures.midtrans(order, statusCode, "30000.00", SERVER_KEY));
    }

    @Test
    void deliverFalse_isALostNotification_nothingIsPostedEver() {
        // given a Snap transaction and a Xendit invoice
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();
        String invoice = json(invoiceCreate(sandbox, orderId(), 50_000)).path("id").asText();

        // when both are paid with deliver:false
        SandboxResponse midtrans = pay(sandbox, token, "settlement", false);
        SandboxResponse xendit = pay(sandbox, invoice, "settlement", false);

        // then both answer delivered:false, and even after the whole resend schedule nothing arrived
        assertThat(json(midtrans).path("delivered").asBoolean()).isFalse();
        assertThat(json(xendit).path("delivered").asBoolean()).isFalse();
        pause(STEP.multipliedBy(8));
        assertThat(webhook.received()).isEmpty();
        assertThat(sandbox.deliveries(order)).isEmpty();
    }

    @Test
    void aNotificationTheWebhookTakes_isPostedExactlyOnce_andReportedDelivered() {
        // given a webhook that answers 200
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when the transaction is paid
        SandboxResponse answer = pay(sandbox, token, "settlement", true);

        // then delivered, one post, and no resend after the schedule's time has passed
        assertThat(json(answer).path("delivered").asBoolean()).isTrue();
        pause(STEP.multipliedBy(8));
        assertThat(webhook.received()).hasSize(1);
        assertThat(sandbox.deliveries(order)).singleElement().satisfies(d -> {
            assertThat(d.attempt()).isEqualTo(1);
            assertThat(d.httpStatus()).isEqualTo(200);
            assertThat(d.provider()).isEqualTo("midtrans");
            assertThat(d.transactionStatus()).isEqualTo("settlement");
        });
    }

    @Test
    void aNon2xxAnswer_isResentOnTheSchedule_untilA2xx_thenResendingStops() {
        // given a webhook that fails twice (500, then 503) before it takes the notification
        webhook.answering(500, 503);
        String order = orderId();
        String invoice = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when the invoice is paid
        SandboxResponse answer = pay(sandbox, invoice, "settlement", true);

        // then the first attempt is reported as not delivered, the resends arrive, and they stop after the 200
        assertThat(json(answer).path("delivered").asBoolean()).isFalse();
        assertThat(eventually(() -> webhook.received().size() == 3)).isTrue();
        pause(STEP.multipliedBy(8));
        assertThat(webhook.received()).hasSize(3);
        assertThat(sandbox.deliveries(order)).extracting(Delivery::httpStatus).containsExactly(500, 503, 200);
        assertThat(sandbox.deliveries(order)).extracting(Delivery::attempt).containsExactly(1, 2, 3);
        // every resend is the same event: same body, same token, same webhook-id
        assertThat(webhook.received()).extracting(WebhookReceiver.Received::body).containsOnly(webhook.received().get(0).body());
        assertThat(webhook.received()).extracting(r -> r.headers().get("webhook-id"))
                .containsOnly(webhook.received().get(0).headers().get("webhook-id"));
        assertThat(webhook.received()).extracting(r -> r.headers().get("x-callback-token")).containsOnly(Sandboxes.CALLBACK_TOKEN);
    }

    @Test
    void resending_stopsWhenTheScheduleEnds_evenIfTheWebhookNeverTakesIt() {
        // given a webhook that always fails and a schedule of four resends
        webhook.answering(500, 500, 500, 500, 500, 500, 500, 500);
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when the transaction is paid
        pay(sandbox, token, "settlement", true);

        // then one post and four resends, and no more
        assertThat(eventually(() -> webhook.received().size() == 5)).isTrue();
        pause(STEP.multipliedBy(8));
        assertThat(webhook.received()).hasSize(5);
        assertThat(sandbox.deliveries(order)).allSatisfy(d -> assertThat(d.succeeded()).isFalse());
    }

    @Test
    void aRefusedConnection_isAFailedAttempt_andIsResent() throws Exception {
        // given a stack that does not listen (a port just freed)
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (PaymentSandbox offline = Sandboxes.sandbox("http://127.0.0.1:" + closedPort,
                new Sandboxes.MovableClock(Instant.now()), STEP, STEP)) {
            String order = orderId();
            String token = json(snapCreate(offline, order, 50_000)).path("token").asText();

            // when the transaction is paid
            SandboxResponse answer = pay(offline, token, "settlement", true);

            // then it is not delivered, recorded with no answer, and tried again on the schedule
            assertThat(json(answer).path("delivered").asBoolean()).isFalse();
            assertThat(eventually(() -> offline.deliveries(order).size() == 3)).isTrue();
            assertThat(offline.deliveries(order)).extracting(Delivery::httpStatus).containsOnly(0);
            // and the transaction itself settled: the provider's status does not depend on the webhook
            assertThat(json(Sandboxes.midtransStatus(offline, order)).path("transaction_status").asText()).isEqualTo("settlement");
        }
    }

    @Test
    void close_stopsPendingResends() {
        // given a webhook that fails the first attempt
        webhook.answering(500);
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when the transaction is paid and the sandbox closes at once
        pay(sandbox, token, "settlement", true);
        sandbox.close();

        // then the resend never comes
        pause(STEP.multipliedBy(6));
        assertThat(webhook.received()).hasSize(1);
    }
}
