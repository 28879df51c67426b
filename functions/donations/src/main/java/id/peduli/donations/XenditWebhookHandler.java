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
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.donations.gateway.Notification;
import id.peduli.donations.gateway.XenditGateway;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * {@code POST /webhooks/xendit}: Xendit invoice callbacks. Authentic only if the {@code x-callback-token} header
 * equals the account's verification token (compared in constant time), checked before the body is read.
 */
public final class XenditWebhookHandler extends HttpFunction {
    private final Payments payments;
    private final byte[] token;
    private final Clock clock;

    public XenditWebhookHandler() {
        this(Wiring.stores(), Config.require("XENDIT_CALLBACK_TOKEN"), Clock.systemUTC());
    }

    public XenditWebhookHandler(Stores stores, String token, Clock clock) {
        this.payments = new Payments(stores);
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String sent = request.header("x-callback-token");
        if (sent == null || !MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new DomainException.Unauthenticated("The callback is not authentic.");
        }
        ObjectNode body = Body.object(request);
        Input in = Input.of(body);
        in.text("id", 1, 128, true);
        String orderId = in.text("external_id", 1, 128, true);
        String status = in.text("status", 1, 32, true);
        JsonNode paidNode = body.hasNonNull("paid_amount") ? body.get("paid_amount") : body.get("amount");
        BigDecimal paid = null;
        if (paidNode != null && !paidNode.isNull()) {
            if (paidNode.isNumber()) {
                paid = paidNode.decimalValue();
            } else {
                in.error(body.hasNonNull("paid_amount") ? "paid_amount" : "amount", "must be a number");
            }
        }
        in.check();
        return payments.answer(new Notification(Provider.XENDIT, orderId, XenditGateway.statusOf(status), paid,
                paid == null ? null : paid.toPlainString()), clock.instant());
    }
}
