package id.peduli.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An officer's decision on an appeal and the move of the appeal's lifecycle it makes: VERIFY and REJECT take a
 * SUBMITTED appeal; REFER keeps it SUBMITTED and hands it to another regency; CLOSE ends a VERIFIED or FUNDED one.
 * Any other move is a conflict. (The one move no officer makes, VERIFIED to FUNDED, is {@link Appeal#funded}.)
 */
public record Decision(Action action, String reason, RegionCode toRegion, Map<String, Boolean> checks) {

    /** The verification checklist an officer may tick, in the order officers see it. */
    public static final List<String> CHECKS = List.of("identity", "residence", "medical", "bpjs");

    public enum Action { VERIFY, REJECT, REFER, CLOSE }

    public Decision {
        checks = checks == null ? Map.of() : checks;
    }

    /** The appeal after this decision; its checks replaced when the decision ticks any. */
    public Appeal applyTo(Appeal appeal, Instant now) {
        AppealStatus status = appeal.status();
        Map<String, Boolean> newChecks = checks.isEmpty() ? appeal.checks() : checks;
        return switch (action) {
            case VERIFY -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                yield appeal.moved(AppealStatus.VERIFIED, appeal.regionCode(), now, newChecks);
            }
            case REJECT -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                yield appeal.moved(AppealStatus.REJECTED, appeal.regionCode(), appeal.verifiedAt(), newChecks);
            }
            case REFER -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                if (toRegion.equals(appeal.regionCode())) {
                    throw new DomainException.Invalid("/toRegionCode", "must differ from the appeal's current region");
                }
                yield appeal.moved(AppealStatus.SUBMITTED, toRegion, appeal.verifiedAt(), newChecks);
            }
            case CLOSE -> {
                require(status == AppealStatus.VERIFIED || status == AppealStatus.FUNDED, appeal);
                yield appeal.moved(AppealStatus.CLOSED, appeal.regionCode(), appeal.verifiedAt(), newChecks);
            }
        };
    }

    /** The line this decision adds to the appeal's history. */
    public HistoryEntry historyEntry(Appeal before, String actor, Instant now) {
        return new HistoryEntry(now, actor, action.name(), reason, before.regionCode().value(),
                action == Action.REFER ? toRegion.value() : null);
    }

    /** Whether this decision ends the case (a rejection or a closing): its documents are then deleted after the retention. */
    public boolean endsTheCase() {
        return action == Action.REJECT || action == Action.CLOSE;
    }

    private void require(boolean allowed, Appeal appeal) {
        if (!allowed) {
            throw new DomainException.Conflict(action + " is not possible for an appeal that is " + appeal.status() + ".");
        }
    }
}
