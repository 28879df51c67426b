package id.peduli.core.domain;

/** Where an appeal stands. Only VERIFIED, FUNDED and CLOSED appeals are public. */
public enum AppealStatus {
    SUBMITTED, VERIFIED, REJECTED, FUNDED, CLOSED;

    public boolean isPublic() {
        return this == VERIFIED || this == FUNDED || this == CLOSED;
    }

    /** Still a live case: a second appeal for the same patient is then a possible duplicate. */
    public boolean isOpen() {
        return this == SUBMITTED || this == VERIFIED || this == FUNDED;
    }

    public boolean acceptsPledges() {
        return this == VERIFIED;
    }

    public boolean acceptsDisbursements() {
        return this == VERIFIED || this == FUNDED;
    }
}
