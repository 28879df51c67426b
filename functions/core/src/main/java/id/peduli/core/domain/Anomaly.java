package id.peduli.core.domain;

import java.time.Instant;

/**
 * A payment notification that could not be applied as sent, kept for officers to see: today only a paid amount
 * that differs from the pledge ({@code AMOUNT_MISMATCH}).
 */
public record Anomaly(String type, Instant at, String provider, String orderId, long expectedAmount, String paidAmount) {
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
}
