package id.peduli.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * An appeal for one patient, in the region whose social office is responsible for it now. {@code version} grows
 * with every decision; writes are conditional on it, so two officers deciding at once cannot both win.
 */
public record Appeal(
        String id,
        AppealStatus status,
        RegionCode regionCode,
        Patient patient,
        Reporter reporter,
        String diagnosis,
        String hospital,
        String story,
        BpjsStatus bpjsStatus,
        Rupiah target,
        Instant createdAt,
        Instant verifiedAt,
        String nikHash,
        Map<String, Boolean> checks,
        long version) {

    public Appeal {
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }

    /**
     * FUNDED: what a VERIFIED appeal becomes when the money raised reaches its target (see {@link Crediting}).
     * @throws IllegalStateException when the appeal is not VERIFIED
     */
    public Appeal funded() {
        if (status != AppealStatus.VERIFIED) {
            throw new IllegalStateException("only a VERIFIED appeal becomes FUNDED");
        }
        return moved(AppealStatus.FUNDED, regionCode, verifiedAt, checks);
    }

    /** This appeal after a move of its lifecycle ({@link Decision}, {@link #funded}): every move counts a version. */
    Appeal moved(AppealStatus newStatus, RegionCode newRegion, Instant newVerifiedAt, Map<String, Boolean> newChecks) {
        return new Appeal(id, newStatus, newRegion, patient, reporter, diagnosis, hospital, story, bpjsStatus, target,
                createdAt, newVerifiedAt, nikHash, newChecks, version + 1);
    }
}
