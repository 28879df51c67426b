package id.peduli.local.sandbox;

import java.time.Instant;

/**
 * One attempt to post a provider notification to the stack's webhook.
 *
 * @param provider          {@code midtrans} or {@code xendit}
 * @param orderId           our order id (Midtrans {@code order_id}, Xendit {@code external_id})
 * @param transactionStatus the provider status the notification reports ({@code settlement}, {@code PAID}, ...)
 * @param attempt           1 for the first post, 2 for the first resend, ...
 * @param at                when the attempt was made
 * @param httpStatus        the webhook's answer, or 0 when none came (refused connection, timeout)
 */
public record Delivery(String provider, String orderId, String transactionStatus, int attempt, Instant at, int httpStatus) {

    /** The provider counts a delivery as done only on a 2xx answer. */
    public boolean succeeded() {
        return httpStatus >= 200 && httpStatus < 300;
    }
}
