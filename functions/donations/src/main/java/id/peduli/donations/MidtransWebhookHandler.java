package id.peduli.donations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Input;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.donations.gateway.MidtransGateway;
import id.peduli.donations.gateway.Notification;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code POST /webhooks/midtrans}: Midtrans HTTP notifications. Authentic only if {@code signature_key} is the
 * SHA-512 of {@code order_id + status_code + gross_amount + serverKey}, over the values' text exactly as sent (a
 * number stays as written: {@code 50000.00} is not {@code 50000}); nothing else is looked at before that.
 */
public final class MidtransWebhookHandler extends HttpFunction {
    private final Payments payments;
    private final byte[] serverKey;
    private final Clock clock;

    public MidtransWebhookHandler() {
        this(Wiring.stores(), Config.require("MIDTRANS_SERVER_KEY"), Clock.systemUTC());
    }

    public MidtransWebhookHandler(Stores stores, String serverKey, Clock clock) {
        this.payments = new Payments(stores);
        this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        Map<String, String> sent;
        try {
            sent = Json.scalarsAsSent(request.body());
        } catch (IOException e) {
            throw new IllegalStateException("a body Body.object accepted did not parse again", e);
        }
        if (!authentic(body, sent)) {
            throw new DomainException.Unauthenticated("The notification is not authentic.");
        }
        Input in = Input.of(body);
        String orderId = in.text("order_id", 1, 64, true);
        String status = in.text("transaction_status", 1, 64, true);
        String gross = sent.get("gross_amount");
        BigDecimal paid = Notification.amount(gross);
        if (paid == null) {
            in.error("gross_amount", "must be a decimal amount");
        }
        JsonNode fraud = body.get("fraud_status");
        if (fraud != null && !fraud.isNull() && !fraud.isTextual()) {
            in.error("fraud_status", "must be a string");
        }
        in.check();
        return payments.answer(new Notification(Provider.MIDTRANS, orderId,
                MidtransGateway.statusOf(status, fraud == null || fraud.isNull() ? null : fraud.asText()), paid, gross),
                clock.instant());
    }

    /** The signature over the three values as sent; they must be strings or numbers, the signature a string. */
    private boolean authentic(ObjectNode body, Map<String, String> sent) {
        String orderId = sent.get("order_id");
        String statusCode = sent.get("status_code");
        String gross = sent.get("gross_amount");
        JsonNode signature = body.get("signature_key");
        if (orderId == null || statusCode == null || gross == null || signature == null || !signature.isTextual()
                || !body.get("order_id").isTextual()) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(sha512(orderId + statusCode + gross))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.asText().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] sha512(String material) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            digest.update(material.getBytes(StandardCharsets.UTF_8));
            digest.update(serverKey);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
