package id.peduli.core.domain;

/**
 * The running sums of an appeal's ledger with the sequence number and hash of its last entry (the end of the hash
 * chain), kept in the appeal's {@link LedgerHead} so that crediting a donation rewrites a few hundred bytes, not the
 * appeal's story.
 */
public record Totals(Rupiah donated, Rupiah refunded, Rupiah disbursed, long donationCount, long seq, String lastHash) {
    public static final String GENESIS = "0".repeat(64);
    public static final Totals EMPTY = new Totals(Rupiah.ZERO, Rupiah.ZERO, Rupiah.ZERO, 0, 0, GENESIS);

    /** Money donated and not refunded: what counts towards the target. */
    public long raised() {
        return donated.value() - refunded.value();
    }

    /** Money held for the patient now. Negative only if a refund came after the money was paid out. */
    public long balance() {
        return donated.value() - refunded.value() - disbursed.value();
    }

    public Totals after(LedgerEntry entry) {
        Rupiah amount = entry.amount();
        return switch (entry.type()) {
            case DONATION -> new Totals(donated.plus(amount), refunded, disbursed, donationCount + 1, entry.seq(), entry.hash());
            case REFUND -> new Totals(donated, refunded.plus(amount), disbursed, donationCount, entry.seq(), entry.hash());
            case DISBURSEMENT -> new Totals(donated, refunded, disbursed.plus(amount), donationCount, entry.seq(), entry.hash());
        };
    }
}
