package id.peduli.donations.gateway;

import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Provider;
import java.math.BigDecimal;

/**
 * What a provider says of one order, from an authentic notification or from its status API: the new status (null
 * when it changes nothing) and the amount it says was paid, as a number and as the provider wrote it.
 */
public record Notification(Provider provider, String orderId, DonationStatus status, BigDecimal paid, String paidAsSent) {

    /** A decimal amount as a provider writes it, or null when the text is not one. */
    public static BigDecimal amount(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
