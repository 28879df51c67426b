package id.peduli.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules of money on the ledger. A payment status moves a donation along its state machine; a settlement is
 * credited as a DONATION entry (the donor's public name and message), a refund as a REFUND entry (the name, never the
 * message); the settlement that lifts the money raised to the target makes a VERIFIED appeal FUNDED. Money received
 * is credited whatever the appeal's status. A disbursement needs a VERIFIED or FUNDED appeal and the balance to
 * cover it. Nothing here reads or writes: the caller commits what a rule decides in one write.
 */
public final class Crediting {
    private Crediting() {}

    /** What applying a payment status did. */
    public enum Result { APPLIED, DUPLICATE, IGNORED }

    /** The result, the donation as it is now, and the entry written when it was credited (else null). */
    public record Applied(Result result, Donation donation, LedgerEntry entry) {}

    /**
     * What applying {@code to} to {@code current} amounts to when it changes nothing: a DUPLICATE when the donation
     * has that status already, IGNORED when its state machine does not allow the move; empty when it must be written.
     */
    public static Optional<Applied> unchanged(Donation current, DonationStatus to) {
        if (current.status() == to) {
            return Optional.of(new Applied(Result.DUPLICATE, current, null));
        }
        if (!current.status().canBecome(to)) {
            return Optional.of(new Applied(Result.IGNORED, current, null));
        }
        return Optional.empty();
    }

    /** Whether moving a donation to {@code to} writes a ledger entry (and so needs the appeal's ledger head). */
    public static boolean touchesLedger(DonationStatus to) {
        return to == DonationStatus.SETTLED || to == DonationStatus.REFUNDED;
    }

    /**
     * A donation's move and what it writes: the moved donation; for a settlement or a refund the entry and the head
     * after it (null otherwise); and whether the appeal becomes FUNDED with it.
     */
    public record Credit(Donation donation, LedgerEntry entry, LedgerHead head, boolean funds) {
        public Applied applied() {
            return new Applied(Result.APPLIED, donation, entry);
        }
    }

    /**
     * Moves {@code current} to {@code to} at {@code at}.
     * @param head the appeal's ledger head as read; needed only when {@link #touchesLedger} says so
     * @throws IllegalArgumentException when the state machine does not allow the move (see {@link #unchanged})
     */
    public static Credit credit(Donation current, DonationStatus to, LedgerHead head, Instant at) {
        if (!current.status().canBecome(to)) {
            throw new IllegalArgumentException(current.status() + " cannot become " + to);
        }
        Instant when = Times.truncate(at);
        if (!touchesLedger(to)) {
            return new Credit(current.moved(to, when, null), null, null, false);
        }
        boolean settles = to == DonationStatus.SETTLED;
        LedgerEntry entry = LedgerEntry.next(head.totals(), settles ? LedgerEntryType.DONATION : LedgerEntryType.REFUND,
                current.amount(), current.publicName(), settles ? current.message() : null, null, current.orderId(), when);
        long target = head.target().value();
        boolean funds = settles && head.appealStatus() == AppealStatus.VERIFIED
                && head.totals().raised() < target && head.totals().after(entry).raised() >= target;
        LedgerHead after = head.after(entry, funds ? AppealStatus.FUNDED : head.appealStatus());
        return new Credit(current.moved(to, when, entry), entry, after, funds);
    }

    /**
     * The DISBURSEMENT entry that pays {@code amount} out of the appeal's balance.
     * @throws DomainException.Conflict when the appeal is not VERIFIED or FUNDED, or the balance does not cover it
     */
    public static LedgerEntry disbursement(LedgerHead head, Rupiah amount, String recipient, String reference,
                                           String note, Instant at) {
        if (!head.appealStatus().acceptsDisbursements()) {
            throw new DomainException.Conflict("Money can be paid out only for a VERIFIED or FUNDED appeal.");
        }
        long balance = head.totals().balance();
        if (amount.value() > balance) {
            throw new DomainException.Conflict("The amount exceeds the balance of Rp " + Math.max(0, balance) + ".");
        }
        return LedgerEntry.next(head.totals(), LedgerEntryType.DISBURSEMENT, amount, null, note, recipient, reference, at);
    }
}
