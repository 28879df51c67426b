package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.Stores;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * What both gateways' notifications come to once they are proven authentic: a donation, a new status (or none),
 * and the amount the gateway says was paid. Money received is credited even if the appeal has since become
 * FUNDED or CLOSED.
 */
final class Payments {
    private final Stores stores;

    Payments(Stores stores) {
        this.stores = stores;
    }

    /** An authentic notification, reduced to what matters here. {@code status} null means "no change". */
    record Notification(Provider provider, String orderId, DonationStatus status, BigDecimal paid, String paidAsSent) {}

    HttpResponse apply(Notification n, Instant now) {
        Donation donation = stores.donations().byOrderId(n.orderId())
                .orElseThrow(() -> new DomainException.NotFound("Unknown order."));
        if (n.paid() != null && n.paid().compareTo(BigDecimal.valueOf(donation.amount().value())) != 0) {
            stores.appeals().recordAnomaly(donation.appealId(), new Anomaly(Anomaly.AMOUNT_MISMATCH, now,
                    n.provider().wireName(), donation.orderId(), donation.amount().value(), n.paidAsSent()));
            throw new DomainException.Conflict("The paid amount differs from the pledge; kept for review, not credited.");
        }
        if (n.status() == null) {
            return result("ignored");
        }
        DonationStore.Applied applied = stores.donations().apply(donation, n.status(), now);
        return result(applied.result().name().toLowerCase(Locale.ROOT));
    }

    static HttpResponse result(String result) {
        ObjectNode body = Json.object();
        body.put("result", result);
        return HttpResponse.json(200, body);
    }

    static BigDecimal amount(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
