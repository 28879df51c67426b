package id.peduli.donations.gateway;

/**
 * A provider call that did not give what was asked. The message says what happened in words a donor may read; it
 * never quotes the provider's answer, which may carry personal data.
 */
public abstract class GatewayException extends RuntimeException {
    GatewayException(String message) {
        super(message, null, false, false);
    }

    /** What happened, written for the donor: never the provider's own answer. */
    public String detail() {
        return getMessage();
    }

    /** The provider could not be reached, timed out or failed (5xx): the same request may work later (503). */
    public static final class Unavailable extends GatewayException {
        public Unavailable(String message) { super(message); }
    }

    /** The provider refused the request (4xx) or answered what cannot be used (502). */
    public static final class Refused extends GatewayException {
        public Refused(String message) { super(message); }
    }

    /** The provider already holds a transaction with this order id and gives no second one. */
    public static final class OrderExists extends GatewayException {
        public OrderExists(String message) { super(message); }
    }
}
