package id.peduli.local.sandbox;

import static id.peduli.local.sandbox.Sandboxes.CALLBACK_TOKEN;
import static id.peduli.local.sandbox.Sandboxes.SECRET_KEY;
import static id.peduli.local.sandbox.Sandboxes.basic;
import static id.peduli.local.sandbox.Sandboxes.bytes;
import static id.peduli.local.sandbox.Sandboxes.invoiceCreate;
import static id.peduli.local.sandbox.Sandboxes.invoices;
import static id.peduli.local.sandbox.Sandboxes.json;
import static id.peduli.local.sandbox.Sandboxes.orderId;
import static id.peduli.local.sandbox.Sandboxes.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Xendit half of the sandbox, driven directly: create and list invoices, pay them, and the callbacks a real
 * loopback server receives. Needs nothing but the JDK.
 */
class XenditSandboxTest extends OnASandbox {
    private static final String INVOICES = "/_sandbox/xendit/v2/invoices";

    XenditSandboxTest() {
        super(Instant.parse("2026-11-22T10:15:30.120Z"));
    }

    @Test
    void createInvoice_answersAPendingInvoice_withItsPayPageAsInvoiceUrl() {
        // given a fresh order
        String order = orderId();

        // when the product creates the invoice
        SandboxResponse created = invoiceCreate(sandbox, order, 50_000);

        // then Xendit's invoice: PENDING, the order as external_id, expiry after invoice_duration
        assertThat(created.status()).isEqualTo(200);
        JsonNode invoice = json(created);
        String id = invoice.path("id").asText();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(invoice.path("external_id").asText()).isEqualTo(order);
        assertThat(invoice.path("user_id").asText()).matches("[0-9a-f]{24}");
        assertThat(invoice.path("status").asText()).isEqualTo("PENDING");
        assertThat(invoice.path("merchant_name").asText()).isNotBlank();
        assertThat(invoice.path("amount").isNumber()).isTrue();
        assertThat(invoice.path("amount").asLong()).isEqualTo(50_000);
        assertThat(invoice.path("currency").asText()).isEqualTo("IDR");
        assertThat(invoice.path("invoice_url").asText()).isEqualTo(webhook.baseUrl() + "/_sandbox/pay/" + id);
        assertThat(invoice.path("created").asText()).isEqualTo("2026-11-22T10:15:30.120Z");
        assertThat(invoice.path("updated").asText()).isEqualTo("2026-11-22T10:15:30.120Z");
        assertThat(invoice.path("expiry_date").asText()).isEqualTo("2026-11-22T11:15:30.120Z");
        assertThat(invoice.has("paid_amount")).isFalse();
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);
    }

    @Test
    void createInvoice_refusesAWrongOrMissingSecretKey_with401InvalidApiKey() {
        // when an invoice is created with another key, or none
        SandboxResponse wrong = sandbox.handle("POST", INVOICES, null, basic("xnd_development_other"),
                bytes(Sandboxes.invoiceBody(orderId(), 50_000)));
        SandboxResponse missing = sandbox.handle("POST", INVOICES, null, java.util.Map.of(),
                bytes(Sandboxes.invoiceBody(orderId(), 50_000)));

        // then Xendit's 401
        for (SandboxResponse refused : new SandboxResponse[] {wrong, missing}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(json(refused).path("error_code").asText()).isEqualTo("INVALID_API_KEY");
            assertThat(json(refused).path("message").asText()).isNotBlank();
        }
    }

    @Test
    void createInvoice_refusesAnExternalIdAlreadyUsed_with400DuplicateError() {
        // given an invoice for the order
        String order = orderId();
        assertThat(invoiceCreate(sandbox, order, 50_000).status()).isEqualTo(200);

        // when a second is created for it
        SandboxResponse again = invoiceCreate(sandbox, order, 50_000);

        // then refused, and there is still one invoice
        assertThat(again.status()).isEqualTo(400);
        assertThat(json(again).path("error_code").asText()).isEqualTo("DUPLICATE_ERROR");
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);
        assertThat(json(invoices(sandbox, order)).size()).isEqualTo(1);
    }

    @Test
    void createInvoice_refusesAMissingExternalIdOrANonPositiveAmount_withApiValidationError() {
        // given bodies Xendit's validation refuses
        String[] bodies = {
                "{\"amount\":50000}",
                "{\"external_id\":\"" + orderId() + "\"}",
                "{\"external_id\":\"" + orderId() + "\",\"amount\":0}",
                "{\"external_id\":\"" + orderId() + "\",\"amount\":-10000}",
        };

        // when each is sent, then 400 API_VALIDATION_ERROR naming the field
        for (String body : bodies) {
            SandboxResponse refused = sandbox.handle("POST", INVOICES, null, basic(SECRET_KEY), bytes(body));
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(json(refused).path("error_code").asText()).as(body).isEqualTo("API_VALIDATION_ERROR");
        }
        SandboxResponse notJson = sandbox.handle("POST", INVOICES, null, basic(SECRET_KEY), bytes("{"));
        assertThat(json(notJson).path("error_code").asText()).isEqualTo("INVALID_JSON_FORMAT");
    }

    @Test
    void getInvoices_byExternalId_answersAnArray_emptyForAnOrderXenditNeverSaw() {
        // given one invoice
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when the product looks orders up by external_id
        JsonNode found = json(invoices(sandbox, order));
        JsonNode none = json(invoices(sandbox, orderId()));

        // then arrays: the invoice, and nothing
        assertThat(found.isArray()).isTrue();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("id").asText()).isEqualTo(id);
        assertThat(none.isArray()).isTrue();
        assertThat(none.size()).isZero();
    }

    @Test
    void getInvoices_refusesAWrongSecretKey_with401() {
        // when invoices are listed with another key
        SandboxResponse refused = sandbox.handle("GET", INVOICES, "external_id=x", basic("xnd_wrong"), new byte[0]);

        // then 401
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json(refused).path("error_code").asText()).isEqualTo("INVALID_API_KEY");
    }

    @Test
    void getInvoices_showsPaidWithPaidAmountAndPaidAt_afterPaying_evenWhenTheCallbackWasLost() {
        // given an invoice
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 120_000)).path("id").asText();

        // when it is paid five minutes later and the callback is lost
        clock.advance(Duration.ofMinutes(5));
        SandboxResponse paid = pay(sandbox, id, "settlement", false);

        // then PAID in the answer and in the list, and nothing was posted
        assertThat(json(paid).path("status").asText()).isEqualTo("PAID");
        JsonNode invoice = json(invoices(sandbox, order)).get(0);
        assertThat(invoice.path("status").asText()).isEqualTo("PAID");
        assertThat(invoice.path("paid_amount").asLong()).isEqualTo(120_000);
        assertThat(invoice.path("paid_at").asText()).isEqualTo("2026-11-22T10:20:30.120Z");
        assertThat(invoice.path("payment_method").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void getInvoices_reportsExpired_onceTheInvoiceDurationPassesUnpaid() {
        // given an invoice good for an hour
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when an hour passes
        clock.advance(Duration.ofHours(1));

        // then it is EXPIRED and can no longer be paid
        assertThat(json(invoices(sandbox, order)).get(0).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(pay(sandbox, id, "settlement", true).status()).isEqualTo(409);
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void paidCallback_carriesTheCallbackToken_andTheFieldsXenditSends() {
        // given an invoice
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when it is paid
        SandboxResponse paid = pay(sandbox, id, "settlement", true);

        // then one callback, tokened, in Xendit's shape
        assertThat(json(paid).path("delivered").asBoolean()).isTrue();
        assertThat(webhook.received()).hasSize(1);
        WebhookReceiver.Received callback = webhook.received().get(0);
        assertThat(callback.path()).isEqualTo("/webhooks/xendit");
        assertThat(callback.headers()).containsEntry("x-callback-token", CALLBACK_TOKEN);
        assertThat(callback.headers().get("content-type")).startsWith("application/json");
        JsonNode body = json(callback.body());
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("external_id").asText()).isEqualTo(order);
        assertThat(body.path("status").asText()).isEqualTo("PAID");
        assertThat(body.path("amount").asLong()).isEqualTo(50_000);
        assertThat(body.path("paid_amount").asLong()).isEqualTo(50_000);
        assertThat(body.path("is_high").isBoolean()).isTrue();
        assertThat(body.path("currency").asText()).isEqualTo("IDR");
        for (String field : new String[] {"user_id", "payment_method", "merchant_name", "bank_code", "paid_at",
                "payer_email", "description", "payment_channel", "payment_destination", "created", "updated"}) {
            assertThat(body.hasNonNull(field)).as(field).isTrue();
        }
    }

    @Test
    void expiredCallback_saysExpired_withoutPaidFields() {
        // given an invoice
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when the person lets it expire
        SandboxResponse expired = pay(sandbox, id, "expire", true);

        // then an EXPIRED callback, with nothing paid
        assertThat(json(expired).path("status").asText()).isEqualTo("EXPIRED");
        JsonNode body = json(webhook.received().get(0).body());
        assertThat(body.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(body.has("paid_amount")).isFalse();
        assertThat(body.has("paid_at")).isFalse();
    }

    @Test
    void denyCancelOrChallenge_areRefusedForAnInvoice_whichStaysPendingAndPayable() {
        // given an invoice
        String order = orderId();
        String id = json(invoiceCreate(sandbox, order, 50_000)).path("id").asText();

        // when outcomes Xendit invoices do not have are chosen, then each is a 400
        for (String outcome : new String[] {"deny", "cancel", "challenge"}) {
            assertThat(pay(sandbox, id, outcome, true).status()).as(outcome).isEqualTo(400);
        }

        // and the invoice is still pending, can still be paid, and nothing was posted for the refusals
        assertThat(json(invoices(sandbox, order)).get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(json(pay(sandbox, id, "settlement", true)).path("status").asText()).isEqualTo("PAID");
        assertThat(webhook.received()).hasSize(1);
    }
}
