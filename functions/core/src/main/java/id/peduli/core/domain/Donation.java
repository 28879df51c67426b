package id.peduli.core.domain;

import java.time.Instant;

/**
 * A pledge and its payment. {@code orderId} is what the gateway is given; {@code id} is the donor's receipt
 * number and is never published, so receipts cannot be enumerated from the public ledger.
 */
public record Donation(
        String id,
        String orderId,
        String appealId,
        Rupiah amount,
        String donorName,
        boolean anonymous,
        String message,
        Provider provider,
        DonationStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant settledAt,
        Long ledgerSeq,
        String ledgerHash) {

    /** The name shown on the public ledger. */
    public String publicName() {
        return anonymous || donorName == null || donorName.isBlank() ? LedgerEntry.ANONYMOUS : donorName;
    }
}
