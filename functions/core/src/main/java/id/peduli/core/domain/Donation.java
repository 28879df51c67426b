package id.peduli.core.domain;

import java.time.Instant;

/**
 * A pledge and its payment. {@code orderId} is what the gateway is given; {@code id} is the donor's receipt
 * number and is never published, so receipts cannot be enumerated from the public ledger. {@code email} is handed
 * to the provider for its own receipt and shown to nobody; {@code payment} is where the donor pays, once the
 * provider has created it.
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
        String ledgerHash,
        String email,
        Payment payment) {

    /** A new pledge, waiting for its payment until {@code expiresAt}. */
    public static Donation pledged(String id, String orderId, String appealId, Rupiah amount, String donorName,
                                   boolean anonymous, String message, Provider provider, String email,
                                   Instant createdAt, Instant expiresAt) {
        return new Donation(id, orderId, appealId, amount, donorName, anonymous, message, provider,
                DonationStatus.PENDING, createdAt, expiresAt, null, null, null, email, null);
    }

    /** The name shown on the public ledger. */
    public String publicName() {
        return anonymous || donorName == null || donorName.isBlank() ? LedgerEntry.ANONYMOUS : donorName;
    }

    public Donation withPayment(Payment newPayment) {
        return new Donation(id, orderId, appealId, amount, donorName, anonymous, message, provider, status, createdAt,
                expiresAt, settledAt, ledgerSeq, ledgerHash, email, newPayment);
    }

    /** This donation moved to {@code newStatus} at {@code at}, credited by {@code entry} when it was a settlement. */
    public Donation moved(DonationStatus newStatus, Instant at, LedgerEntry entry) {
        boolean settled = newStatus == DonationStatus.SETTLED;
        return new Donation(id, orderId, appealId, amount, donorName, anonymous, message, provider, newStatus,
                createdAt, expiresAt, settled ? at : settledAt, settled ? Long.valueOf(entry.seq()) : ledgerSeq,
                settled ? entry.hash() : ledgerHash, email, payment);
    }
}
