package id.peduli.donations.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Midtrans: Snap "create transaction" ({@code POST {snap}/transactions}) for the payment page, and the Core API's
 * "get status" ({@code GET {api}/v2/{order_id}/status}) for reconciliation. Both authenticate with the server key.
 * Snap cannot be asked whether it already holds an order, so {@link #existing} knows nothing.
 */
public final class MidtransGateway implements PaymentGateway {
    /** Snap's {@code expiry.start_time}: Jakarta time, as in its examples. */
    private static final DateTimeFormatter START_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.ofHours(7));

    private final GatewayHttp http;
    private final String snapBase;
    private final String apiBase;

    public MidtransGateway(GatewayHttp http, String snapBase, String apiBase) {
        this.http = http;
        this.snapBase = trim(snapBase);
        this.apiBase = trim(apiBase);
    }

    /** The contract's mapping of a transaction status; null means it changes nothing. */
    public static DonationStatus statusOf(String transactionStatus, String fraudStatus) {
        return switch (transactionStatus) {
            case "capture", "settlement" -> fraudStatus == null || fraudStatus.equals("accept") ? DonationStatus.SETTLED
                    : fraudStatus.equals("deny") ? DonationStatus.FAILED : null;
            case "deny", "cancel", "failure" -> DonationStatus.FAILED;
            case "expire" -> DonationStatus.EXPIRED;
            case "refund" -> DonationStatus.REFUNDED;
            default -> null; // pending, authorize, partial_refund, challenge: nothing to apply
        };
    }

    @Override
    public Payment create(Order order) {
        ObjectNode body = Json.object();
        ObjectNode details = body.putObject("transaction_details");
        details.put("order_id", order.orderId());
        details.put("gross_amount", order.amount());
        ObjectNode item = body.putArray("item_details").addObject();
        item.put("id", order.appealId());
        item.put("price", order.amount());
        item.put("quantity", 1);
        item.put("name", "Donasi Peduli");
        if (order.payerName() != null || order.payerEmail() != null) {
            ObjectNode customer = body.putObject("customer_details");
            if (order.payerName() != null) {
                customer.put("first_name", order.payerName());
            }
            if (order.payerEmail() != null) {
                customer.put("email", order.payerEmail());
            }
        }
        ObjectNode expiry = body.putObject("expiry");
        expiry.put("start_time", START_TIME.format(order.now()));
        expiry.put("unit", "minute");
        expiry.put("duration", Math.max(1, Duration.between(order.now(), order.expiresAt()).toMinutes()));
        body.putObject("callbacks").put("finish", order.finishUrl());

        GatewayHttp.Answer answer = http.post(URI.create(snapBase + "/transactions"), body);
        if (answer.status() >= 500) {
            throw new GatewayException.Unavailable("Midtrans failed to create the payment.");
        }
        if (answer.status() >= 400) {
            if (answer.status() != 401 && mentionsTakenOrderId(answer.json())) {
                throw new GatewayException.OrderExists("Midtrans already holds this order.");
            }
            throw new GatewayException.Refused("Midtrans refused to create the payment.");
        }
        String token = text(answer.json(), "token");
        String url = text(answer.json(), "redirect_url");
        if (token == null || url == null || !url.startsWith("http")) {
            throw new GatewayException.Refused("Midtrans answered without a payment page.");
        }
        return new Payment(url, token);
    }

    /** Snap's refusal of an order id it has seen, in either of the languages it answers in. */
    private static boolean mentionsTakenOrderId(JsonNode json) {
        if (json == null) {
            return false;
        }
        for (JsonNode message : json.path("error_messages")) {
            String m = message.asText("").toLowerCase(Locale.ROOT);
            if (m.contains("order_id") && (m.contains("sudah digunakan") || m.contains("already") || m.contains("taken"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Payment> existing(String orderId) {
        return Optional.empty();
    }

    @Override
    public Optional<Notification> status(String orderId) {
        GatewayHttp.Answer answer = http.get(URI.create(apiBase + "/v2/"
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "/status"));
        JsonNode json = answer.json();
        if (answer.status() >= 500) {
            throw new GatewayException.Unavailable("Midtrans failed to answer a status request.");
        }
        // The Core API answers an unknown order with status_code "404" in the body (and sometimes HTTP 404).
        if (answer.status() == 404 || json != null && "404".equals(json.path("status_code").asText())) {
            return Optional.empty();
        }
        if (answer.status() >= 400 || json == null || !json.isObject()) {
            throw new GatewayException.Refused("Midtrans refused a status request.");
        }
        String transactionStatus = text(json, "transaction_status");
        if (transactionStatus == null || !orderId.equals(text(json, "order_id"))) {
            throw new GatewayException.Refused("Midtrans answered a status request for another order.");
        }
        String gross = json.path("gross_amount").isValueNode() ? json.path("gross_amount").asText() : null;
        return Optional.of(new Notification(Provider.MIDTRANS, orderId,
                statusOf(transactionStatus, text(json, "fraud_status")), Notification.amount(gross), gross));
    }

    static String text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
