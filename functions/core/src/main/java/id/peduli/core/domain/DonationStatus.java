package id.peduli.core.domain;

/**
 * A donation's state machine: PENDING may become SETTLED, FAILED or EXPIRED; SETTLED may only become REFUNDED.
 * Every other state is terminal.
 */
public enum DonationStatus {
    PENDING, SETTLED, EXPIRED, FAILED, REFUNDED;

    public boolean canBecome(DonationStatus next) {
        return switch (this) {
            case PENDING -> next == SETTLED || next == FAILED || next == EXPIRED;
            case SETTLED -> next == REFUNDED;
            default -> false;
        };
    }
}
