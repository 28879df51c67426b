package id.peduli.donations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.domain.Crediting;
import id.peduli.core.service.Ledger;
import id.peduli.core.store.Stores;
import id.peduli.donations.gateway.Notification;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * What the providers say of a payment, once it is known to be authentic — from a webhook or from reconciliation's
 * status request — applied in one way only: the amount checked against the pledge (a mismatch is kept as an
 * anomaly for officers and not credited), then the donation's state machine with its single atomic credit. Money
 * received is credited even if the appeal has since become FUNDED or CLOSED.
 */
final class Payments {
    private final Stores stores;
    private final Ledger ledger;

    Payments(Stores stores) {
        this.stores = stores;
        this.ledger = new Ledger(stores);
    }

    /** The notification applied to its donation; {@link Crediting.Result#IGNORED} when it changes nothing. */
    Crediting.Applied apply(Notification n, Instant now) {
        // an order pledged through the other provider is not this provider's to settle
        Donation donation = stores.donations().byOrderId(n.orderId()).filter(d -> d.provider() == n.provider())
                .orElseThrow(() -> new DomainException.NotFound("Unknown order."));
        return apply(donation, n, now);
    }

    Crediting.Applied apply(Donation donation, Notification n, Instant now) {
        if (n.paid() != null && n.paid().compareTo(BigDecimal.valueOf(donation.amount().value())) != 0) {
            stores.begin().recordAnomaly(donation.appealId(), new Anomaly(Anomaly.AMOUNT_MISMATCH, now,
                    n.provider().wireName(), donation.orderId(), donation.amount().value(), n.paidAsSent())).commit();
            throw new DomainException.Conflict("The paid amount differs from the pledge; kept for review, not credited.");
        }
        if (n.status() == null) {
            return new Crediting.Applied(Crediting.Result.IGNORED, donation, null);
        }
        return ledger.apply(donation, n.status(), now);
    }

    /** The webhook's answer: what applying the notification did. */
    HttpResponse answer(Notification n, Instant now) {
        ObjectNode body = Json.object();
        body.put("result", apply(n, now).result().name().toLowerCase(Locale.ROOT));
        return HttpResponse.json(200, body);
    }
}
