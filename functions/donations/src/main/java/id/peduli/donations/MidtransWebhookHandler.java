package id.peduli.donations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Input;
import id.peduli.core.store.Stores;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * {@code POST /webhooks/midtrans}: Midtrans HTTP notifications. Authentic only if {@code signature_key} is the
 * SHA-512 of {@code order_id + status_code + gross_amount + serverKey}; nothing else is looked at before that.
 */
public final class MidtransWebhookHandler extends HttpFunction {
    private final Payments payments;
    private final byte[] serverKey;
    private final Clock clock;

    public MidtransWebhookHandler() {
        this(Stores.fromEnvironment(), Config.require("MIDTRANS_SERVER_KEY"), Clock.systemUTC());
    }

    public MidtransWebhookHandler(Stores stores, String serverKey, Clock clock) {
        this.payments = new Payments(stores);
        this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ObjectNode body = Body.object(request);
        if (!authentic(body)) {
            throw new DomainException.Unauthenticated("The notification is not authentic.");
        }
        Input in = Input.of(body);
        String orderId = in.text("order_id", 1, 64, true);
        String status = in.text("transaction_status", 1, 64, true);
        String gross = in.text("gross_amount", 1, 32, true);
        BigDecimal paid = gross == null ? null : Payments.amount(gross);
        if (gross != null && paid == null) {
            in.error("gross_amount", "must be a decimal amount");
        }
        JsonNode fraud = body.get("fraud_status");
        if (fraud != null && !fraud.isNull() && !fraud.isTextual()) {
            in.error("fraud_status", "must be a string");
        }
        in.check();
        DonationStatus target = map(status, fraud == null || fraud.isNull() ? null : fraud.asText());
        return payments.apply(new Payments.Notification(Provider.MIDTRANS, orderId, target, paid, gross), clock.instant());
    }

    /** The contract's mapping; null means the notification changes nothing. */
    static DonationStatus map(String transactionStatus, String fraudStatus) {
        return switch (transactionStatus) {
            case "capture", "settlement" -> fraudStatus == null || fraudStatus.equals("accept") ? DonationStatus.SETTLED
                    : fraudStatus.equals("deny") ? DonationStatus.FAILED : null;
            case "deny", "cancel", "failure" -> DonationStatus.FAILED;
            case "expire" -> DonationStatus.EXPIRED;
            case "refund" -> DonationStatus.REFUNDED;
            default -> null; // pending, authorize, partial_refund, ...: nothing to apply
        };
    }

    private boolean authentic(ObjectNode body) {
        JsonNode orderId = body.get("order_id");
        JsonNode statusCode = body.get("status_code");
        JsonNode gross = body.get("gross_amount");
        JsonNode signature = body.get("signature_key");
        if (!(orderId != null && orderId.isTextual() && statusCode != null && statusCode.isTextual()
                && gross != null && gross.isTextual() && signature != null && signature.isTextual())) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(sha512(orderId.asText() + statusCode.asText() + gross.asText()))
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
