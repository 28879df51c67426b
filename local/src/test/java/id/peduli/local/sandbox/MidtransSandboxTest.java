package id.peduli.local.sandbox;

import static id.peduli.local.sandbox.Sandboxes.SERVER_KEY;
import static id.peduli.local.sandbox.Sandboxes.basic;
import static id.peduli.local.sandbox.Sandboxes.bytes;
import static id.peduli.local.sandbox.Sandboxes.json;
import static id.peduli.local.sandbox.Sandboxes.midtransStatus;
import static id.peduli.local.sandbox.Sandboxes.orderId;
import static id.peduli.local.sandbox.Sandboxes.pay;
import static id.peduli.local.sandbox.Sandboxes.snapCreate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Midtrans half of the sandbox, driven directly: Snap create, the Core status API and refunds, with a real
 * loopback server as the webhook. Needs nothing but the JDK.
 */
class MidtransSandboxTest extends OnASandbox {
    private static final String SNAP = "/_sandbox/midtrans/snap/v1/transactions";

    @Test
    void snapCreate_answers201WithATokenAndARedirectToThePayPage() {
        // given a fresh order
        String order = orderId();

        // when the product creates the Snap transaction
        SandboxResponse created = snapCreate(sandbox, order, 50_000);

        // then Snap's answer: 201 {"token","redirect_url"} and nothing else
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("content-type", "application/json");
        JsonNode body = json(created);
        assertThat(body.size()).isEqualTo(2);
        String token = body.path("token").asText();
        assertThat(token).matches("[0-9a-f-]{36}");
        assertThat(body.path("redirect_url").asText()).isEqualTo(webhook.baseUrl() + "/_sandbox/pay/" + token);
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);
    }

    @Test
    void snapCreate_refusesAWrongServerKey_with401AndSnapsErrorMessages() {
        // given a request signed with another key
        Map<String, String> wrong = basic("SB-Mid-server-someone-else");

        // when it is sent
        SandboxResponse refused = sandbox.handle("POST", SNAP, null, wrong, bytes(Sandboxes.snapBody(orderId(), 50_000)));

        // then 401 with Snap's error body, and no transaction
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).path("error_messages").get(0).asText()).contains("unauthorized transaction");
    }

    @Test
    void snapCreate_refusesAMissingOrMalformedAuthorization_with401() {
        // given no Authorization, a bearer token, and a key without Basic's colon
        String order = orderId();
        Map<String, String> colonless = Map.of("authorization",
                "Basic " + Base64.getEncoder().encodeToString(SERVER_KEY.getBytes(StandardCharsets.UTF_8)));

        // when each is sent, then each is refused and nothing is created
        assertThat(sandbox.handle("POST", SNAP, null, Map.of(), bytes(Sandboxes.snapBody(order, 50_000))).status()).isEqualTo(401);
        assertThat(sandbox.handle("POST", SNAP, null, Map.of("authorization", "Bearer " + SERVER_KEY),
                bytes(Sandboxes.snapBody(order, 50_000))).status()).isEqualTo(401);
        assertThat(sandbox.handle("POST", SNAP, null, colonless, bytes(Sandboxes.snapBody(order, 50_000))).status()).isEqualTo(401);
        assertThat(sandbox.transactionsCreated(order)).isZero();
    }

    @Test
    void snapCreate_refusesAnOrderIdAlreadyUsed_with400_andGivesNoSecondToken() {
        // given an order Snap already holds
        String order = orderId();
        assertThat(snapCreate(sandbox, order, 50_000).status()).isEqualTo(201);

        // when the product creates it again (a retry whose first answer was lost)
        SandboxResponse again = snapCreate(sandbox, order, 50_000);

        // then Snap's refusal, with no token, and still one transaction
        assertThat(again.status()).isEqualTo(400);
        JsonNode body = json(again);
        assertThat(body.has("token")).isFalse();
        assertThat(body.path("error_messages").get(0).asText()).contains("order_id").contains("sudah digunakan");
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);
    }

    @Test
    void snapCreate_refusesMissingOrderIdAndGrossAmount_listingEveryProblem() {
        // given transaction_details without either field
        String body = "{\"transaction_details\":{}}";

        // when it is sent
        SandboxResponse refused = sandbox.handle("POST", SNAP, null, basic(SERVER_KEY), bytes(body));

        // then 400 naming both
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json(refused).path("error_messages").toString())
                .contains("transaction_details.order_id is required")
                .contains("transaction_details.gross_amount is required");
    }

    @Test
    void snapCreate_refusesAZeroOrNegativeAmount_andANonJsonBody() {
        // given amounts Snap would not take, and a body that is not JSON
        String zero = Sandboxes.snapBody(orderId(), 0);
        String negative = Sandboxes.snapBody(orderId(), -5_000);

        // when each is sent, then each is a 400 with error_messages
        for (String body : new String[] {zero, negative, "not json"}) {
            SandboxResponse refused = sandbox.handle("POST", SNAP, null, basic(SERVER_KEY), bytes(body));
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(json(refused).path("error_messages").isArray()).as(body).isTrue();
        }
    }

    @Test
    void snapCreate_refusesItemDetailsThatDoNotAddUpToTheGrossAmount() {
        // given items worth 40,000 on a 50,000 order
        String body = "{\"transaction_details\":{\"order_id\":\"" + orderId() + "\",\"gross_amount\":50000},"
                + "\"item_details\":[{\"id\":\"donasi\",\"price\":40000,\"quantity\":1,\"name\":\"Donasi\"}]}";

        // when it is sent
        SandboxResponse refused = sandbox.handle("POST", SNAP, null, basic(SERVER_KEY), bytes(body));

        // then Snap's sum check refuses it
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("not equal to the sum of item_details");
    }

    @Test
    void status_refusesAWrongServerKey_with401() {
        // given an order that exists
        String order = orderId();
        snapCreate(sandbox, order, 50_000);

        // when its status is asked with another key
        SandboxResponse refused = sandbox.handle("GET", "/_sandbox/midtrans/v2/" + order + "/status", null,
                basic("SB-Mid-server-wrong"), new byte[0]);

        // then 401 in the Core API's shape, telling nothing about the order
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).path("status_code").asText()).isEqualTo("401");
        assertThat(refused.bodyText()).doesNotContain(order);
    }

    @Test
    void status_ofAnUnknownOrder_saysTransactionDoesNotExist() {
        // when the status of an order Midtrans never saw is asked
        SandboxResponse answer = midtransStatus(sandbox, orderId());

        // then Midtrans's own answer: the 404 is in the body's status_code
        JsonNode body = json(answer);
        assertThat(body.path("status_code").asText()).isEqualTo("404");
        assertThat(body.path("status_message").asText()).isEqualTo("Transaction doesn't exist.");
        assertThat(body.has("transaction_status")).isFalse();
    }

    @Test
    void status_isPendingBeforePaying_andSettlementAfter_soReconciliationCanLearnALostNotification() {
        // given a created transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when its status is asked before paying
        JsonNode before = json(midtransStatus(sandbox, order));

        // then pending, in Midtrans's formats
        assertThat(before.path("status_code").asText()).isEqualTo("201");
        assertThat(before.path("transaction_status").asText()).isEqualTo("pending");
        assertThat(before.path("order_id").asText()).isEqualTo(order);
        assertThat(before.path("gross_amount").asText()).isEqualTo("50000.00");
        assertThat(before.path("currency").asText()).isEqualTo("IDR");
        assertThat(before.path("transaction_time").asText()).isEqualTo("2026-11-22 17:15:30");
        assertThat(before.path("transaction_id").asText()).matches("[0-9a-f-]{36}");

        // when the donor pays and the notification is lost
        clock.advance(Duration.ofMinutes(3));
        SandboxResponse paid = pay(sandbox, token, "settlement", false);

        // then the status API says settlement, accepted, signed for status code 200
        assertThat(json(paid).path("status").asText()).isEqualTo("settlement");
        assertThat(json(paid).path("delivered").asBoolean()).isFalse();
        JsonNode after = json(midtransStatus(sandbox, order));
        assertThat(after.path("status_code").asText()).isEqualTo("200");
        assertThat(after.path("transaction_status").asText()).isEqualTo("settlement");
        assertThat(after.path("fraud_status").asText()).isEqualTo("accept");
        assertThat(after.path("settlement_time").asText()).isEqualTo("2026-11-22 17:18:30");
        assertThat(after.path("signature_key").asText())
                .isEqualTo(Signatures.midtrans(order, "200", "50000.00", SERVER_KEY));
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void status_reportsExpireWith407_onceTheSnapExpiryPassesUnpaid_withoutANotification() {
        // given a transaction that expires 15 minutes after its start
        String order = orderId();
        String body = "{\"transaction_details\":{\"order_id\":\"" + order + "\",\"gross_amount\":25000},"
                + "\"expiry\":{\"start_time\":\"2026-11-22 17:15:30 +0700\",\"unit\":\"minute\",\"duration\":15}}";
        assertThat(sandbox.handle("POST", SNAP, null, basic(SERVER_KEY), bytes(body)).status()).isEqualTo(201);

        // when the clock passes 14 minutes, then it is still pending
        clock.advance(Duration.ofMinutes(14));
        assertThat(json(midtransStatus(sandbox, order)).path("transaction_status").asText()).isEqualTo("pending");

        // when it passes the expiry
        clock.advance(Duration.ofMinutes(1));
        JsonNode expired = json(midtransStatus(sandbox, order));

        // then expire, with the status API's 407, and nobody was notified
        assertThat(expired.path("transaction_status").asText()).isEqualTo("expire");
        assertThat(expired.path("status_code").asText()).isEqualTo("407");
        assertThat(expired.path("signature_key").asText())
                .isEqualTo(Signatures.midtrans(order, "407", "25000.00", SERVER_KEY));
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void status_findsTheTransactionByItsTransactionIdToo() {
        // given a created transaction and its Midtrans transaction_id
        String order = orderId();
        snapCreate(sandbox, order, 50_000);
        String transactionId = json(midtransStatus(sandbox, order)).path("transaction_id").asText();

        // when the status is asked by transaction_id
        JsonNode byId = json(midtransStatus(sandbox, transactionId));

        // then it is the same order
        assertThat(byId.path("order_id").asText()).isEqualTo(order);
    }

    @Test
    void anExpiredTransaction_cannotBePaid() {
        // given a transaction past its default 24-hour expiry
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();
        clock.advance(Duration.ofHours(24));

        // when the donor tries to pay
        SandboxResponse late = pay(sandbox, token, "settlement", true);

        // then 409 and nothing is posted
        assertThat(late.status()).isEqualTo(409);
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void challenge_holdsACardCaptureForReview_thenItCanStillSettle() {
        // given a created transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when the fraud detection challenges it
        SandboxResponse challenged = pay(sandbox, token, "challenge", false);

        // then it is a capture held as a challenge, with status code 201
        assertThat(json(challenged).path("status").asText()).isEqualTo("capture");
        JsonNode held = json(midtransStatus(sandbox, order));
        assertThat(held.path("fraud_status").asText()).isEqualTo("challenge");
        assertThat(held.path("status_code").asText()).isEqualTo("201");
        assertThat(held.path("payment_type").asText()).isEqualTo("credit_card");

        // when the merchant accepts it, then it settles
        assertThat(json(pay(sandbox, token, "settlement", false)).path("status").asText()).isEqualTo("settlement");
    }

    @Test
    void anOutcomeOnAFinalTransaction_isRefusedWith409_andChangesNothing() {
        // given a denied transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();
        assertThat(json(pay(sandbox, token, "deny", false)).path("status").asText()).isEqualTo("deny");

        // when someone tries to settle it
        SandboxResponse refused = pay(sandbox, token, "settlement", true);

        // then 409, and it stays denied
        assertThat(refused.status()).isEqualTo(409);
        assertThat(json(midtransStatus(sandbox, order)).path("transaction_status").asText()).isEqualTo("deny");
    }

    @Test
    void refund_ofASettledOrder_movesItToRefund_andNotifiesWithStatusCode200() {
        // given a settled transaction whose notification was delivered
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 75_000)).path("token").asText();
        assertThat(json(pay(sandbox, token, "settlement", true)).path("delivered").asBoolean()).isTrue();

        // when it is refunded
        SandboxResponse refunded = sandbox.handle("POST", "/_sandbox/refunds/" + order, null, Map.of(), new byte[0]);

        // then {"status":"refund","delivered":true}, a refund notification signed for 200, and the status API agrees
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(json(refunded).path("status").asText()).isEqualTo("refund");
        assertThat(json(refunded).path("delivered").asBoolean()).isTrue();
        JsonNode notification = json(webhook.received().get(1).body());
        assertThat(notification.path("transaction_status").asText()).isEqualTo("refund");
        assertThat(notification.path("status_code").asText()).isEqualTo("200");
        assertThat(notification.path("signature_key").asText())
                .isEqualTo(Signatures.midtrans(order, "200", "75000.00", SERVER_KEY));
        assertThat(json(midtransStatus(sandbox, order)).path("transaction_status").asText()).isEqualTo("refund");
    }

    @Test
    void refund_ofAnOrderNotSettled_is409_andOfARefundedOrderToo() {
        // given a pending order, and one already refunded
        String pending = orderId();
        snapCreate(sandbox, pending, 50_000);
        String refundedOrder = orderId();
        String token = json(snapCreate(sandbox, refundedOrder, 50_000)).path("token").asText();
        pay(sandbox, token, "settlement", false);
        assertThat(sandbox.handle("POST", "/_sandbox/refunds/" + refundedOrder, null, Map.of(), bytes("{}")).status())
                .isEqualTo(200);

        // when either is refunded, then 409
        assertThat(sandbox.handle("POST", "/_sandbox/refunds/" + pending, null, Map.of(), new byte[0]).status()).isEqualTo(409);
        assertThat(sandbox.handle("POST", "/_sandbox/refunds/" + refundedOrder, null, Map.of(), new byte[0]).status()).isEqualTo(409);
    }

    @Test
    void refund_ofAXenditOrAnUnknownOrder_is404() {
        // given a paid Xendit invoice
        String order = orderId();
        String invoice = json(Sandboxes.invoiceCreate(sandbox, order, 50_000)).path("id").asText();
        pay(sandbox, invoice, "settlement", false);

        // when it, or an order nobody knows, is refunded, then 404: refunds are Midtrans only
        assertThat(sandbox.handle("POST", "/_sandbox/refunds/" + order, null, Map.of(), new byte[0]).status()).isEqualTo(404);
        assertThat(sandbox.handle("POST", "/_sandbox/refunds/" + orderId(), null, Map.of(), new byte[0]).status()).isEqualTo(404);
    }
}
