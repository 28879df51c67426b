package id.peduli.core.domain;

/**
 * An appeal's ledger head: the running {@link Totals} (with the last entry's seq and hash), the appeal's target, and
 * a copy of the appeal's status kept in step by every write that changes it, so that a pledge or a credit checks a
 * small item rather than the appeal with its story. Every append is conditional on the seq and the status read.
 */
public record LedgerHead(String appealId, Totals totals, Rupiah target, AppealStatus appealStatus) {

    /** The head a new appeal starts with: nothing in its ledger yet. */
    public static LedgerHead opened(Appeal appeal) {
        return new LedgerHead(appeal.id(), Totals.EMPTY, appeal.target(), appeal.status());
    }

    /** The head after {@code entry} is appended, with the appeal's status then {@code status}. */
    public LedgerHead after(LedgerEntry entry, AppealStatus status) {
        return new LedgerHead(appealId, totals.after(entry), target, status);
    }
}
