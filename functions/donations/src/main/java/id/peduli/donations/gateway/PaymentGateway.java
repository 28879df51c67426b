package id.peduli.donations.gateway;

import id.peduli.core.domain.Payment;
import java.time.Instant;
import java.util.Optional;

/** A payment provider, as the pledge and reconciliation need it. */
public interface PaymentGateway {

    /** What the provider is asked to collect: one pledge, payable until {@code expiresAt}. */
    record Order(String orderId, String appealId, long amount, String payerName, String payerEmail, Instant now,
                 Instant expiresAt, String finishUrl) {}

    /**
     * Creates the payment at the provider.
     * @throws GatewayException.Unavailable when the provider cannot be reached, times out or fails
     * @throws GatewayException.OrderExists when it already holds this order and gives no second payment
     * @throws GatewayException.Refused when it refuses, or answers what cannot be used (another order or amount)
     */
    Payment create(Order order);

    /** The payment the provider already holds for this order, where it can be looked up; empty otherwise. */
    Optional<Payment> existing(String orderId);

    /**
     * What the provider says of the order's payment now, as its notification would say it; empty when it knows no
     * such order.
     */
    Optional<Notification> status(String orderId);
}
