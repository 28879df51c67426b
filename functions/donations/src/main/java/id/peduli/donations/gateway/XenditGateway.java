package id.peduli.donations.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Xendit invoices: "create invoice" ({@code POST {api}/v2/invoices}) for the payment page, and "get invoices"
 * ({@code GET {api}/v2/invoices?external_id=}) both to find an invoice a lost answer created and for
 * reconciliation. Both authenticate with the secret API key.
 */
public final class XenditGateway implements PaymentGateway {
    private final GatewayHttp http;
    private final String apiBase;

    public XenditGateway(GatewayHttp http, String apiBase) {
        this.http = http;
        this.apiBase = MidtransGateway.trim(apiBase);
    }

    /** The contract's mapping of an invoice status; null means it changes nothing. */
    public static DonationStatus statusOf(String invoiceStatus) {
        return switch (invoiceStatus) {
            case "PAID", "SETTLED" -> DonationStatus.SETTLED;
            case "EXPIRED" -> DonationStatus.EXPIRED;
            default -> null;
        };
    }

    @Override
    public Payment create(Order order) {
        ObjectNode body = Json.object();
        body.put("external_id", order.orderId());
        body.put("amount", order.amount());
        body.put("currency", "IDR");
        body.put("invoice_duration", Math.max(1, Duration.between(order.now(), order.expiresAt()).toSeconds()));
        body.put("description", "Donasi Peduli");
        body.put("success_redirect_url", order.finishUrl());
        body.put("failure_redirect_url", order.finishUrl());
        if (order.payerEmail() != null) {
            body.put("payer_email", order.payerEmail());
        }
        GatewayHttp.Answer answer = http.post(URI.create(apiBase + "/v2/invoices"), body);
        if (answer.status() >= 500) {
            throw new GatewayException.Unavailable("Xendit failed to create the invoice.");
        }
        if (answer.status() >= 400) {
            if ("DUPLICATE_ERROR".equals(MidtransGateway.text(answer.json(), "error_code"))) {
                throw new GatewayException.OrderExists("Xendit already holds this order.");
            }
            throw new GatewayException.Refused("Xendit refused to create the invoice.");
        }
        return payment(answer.json(), order.orderId(), order.amount());
    }

    @Override
    public Optional<Payment> existing(String orderId) {
        JsonNode invoice = find(orderId);
        return invoice == null || statusOf(invoice.path("status").asText()) == DonationStatus.EXPIRED ? Optional.empty()
                : Optional.of(payment(invoice, orderId, null));
    }

    @Override
    public Optional<Notification> status(String orderId) {
        JsonNode invoice = find(orderId);
        if (invoice == null) {
            return Optional.empty();
        }
        JsonNode paidNode = invoice.hasNonNull("paid_amount") ? invoice.get("paid_amount") : invoice.get("amount");
        BigDecimal paid = paidNode != null && paidNode.isNumber() ? paidNode.decimalValue() : null;
        return Optional.of(new Notification(Provider.XENDIT, orderId, statusOf(invoice.path("status").asText("")), paid,
                paid == null ? null : paid.toPlainString()));
    }

    /** The invoice Xendit holds for this order (the newest, if it holds several), or null. */
    private JsonNode find(String orderId) {
        GatewayHttp.Answer answer = http.get(URI.create(apiBase + "/v2/invoices?external_id="
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8)));
        if (answer.status() >= 500) {
            throw new GatewayException.Unavailable("Xendit failed to answer.");
        }
        if (answer.status() == 404) {
            return null;
        }
        if (answer.status() >= 400 || answer.json() == null || !answer.json().isArray()) {
            throw new GatewayException.Refused("Xendit refused to look up the invoice.");
        }
        JsonNode newest = null;
        for (JsonNode invoice : answer.json()) {
            if (!orderId.equals(MidtransGateway.text(invoice, "external_id"))) {
                throw new GatewayException.Refused("Xendit answered with an invoice of another order.");
            }
            if (newest == null || invoice.path("created").asText("").compareTo(newest.path("created").asText("")) > 0) {
                newest = invoice;
            }
        }
        return newest;
    }

    /** The payment in an invoice, checked to be this order's (and this amount's, when known). */
    private static Payment payment(JsonNode invoice, String orderId, Long amount) {
        String id = MidtransGateway.text(invoice, "id");
        String url = MidtransGateway.text(invoice, "invoice_url");
        if (id == null || url == null || !url.startsWith("http")) {
            throw new GatewayException.Refused("Xendit answered without a payment page.");
        }
        if (!orderId.equals(MidtransGateway.text(invoice, "external_id"))
                || amount != null && !(invoice.path("amount").isNumber()
                && invoice.path("amount").decimalValue().compareTo(BigDecimal.valueOf(amount)) == 0)) {
            throw new GatewayException.Refused("Xendit answered with another order or amount.");
        }
        return new Payment(url, id);
    }
}
