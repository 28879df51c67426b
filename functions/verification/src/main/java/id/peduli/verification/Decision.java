package id.peduli.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.http.Input;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An officer's decision on an appeal and the transition it makes:
 * VERIFY and REJECT take a SUBMITTED appeal; REFER keeps it SUBMITTED and hands it to another regency; CLOSE ends a
 * VERIFIED or FUNDED one. Any other move is a conflict.
 */
record Decision(Action action, String reason, RegionCode toRegion, Map<String, Boolean> checks) {

    enum Action { VERIFY, REJECT, REFER, CLOSE }

    static Decision read(ObjectNode body) {
        Input in = Input.of(body).allow("decision", "reason", "toRegionCode", "checks");
        Action action = in.choice("decision", Action.class, true);
        String reason = in.text("reason", 1, 1000, action != null && action != Action.VERIFY);
        String to = in.text("toRegionCode", 1, 16, action == Action.REFER);
        if (to != null && action != null && action != Action.REFER) {
            in.error("toRegionCode", "is only for REFER");
        } else if (to != null && !RegionCode.isRegency(to)) {
            in.error("toRegionCode", "must be an existing regency or city code NN.NN");
            to = null;
        }
        Map<String, Boolean> checks = new LinkedHashMap<>();
        Input c = in.object("checks", false);
        if (c != null) {
            c.allow(OfficerViews.CHECKS.toArray(String[]::new));
            for (String name : OfficerViews.CHECKS) {
                Boolean value = c.bool(name, false);
                if (value != null) {
                    checks.put(name, value);
                }
            }
        }
        in.check();
        return new Decision(action, reason, to == null ? null : new RegionCode(to), checks);
    }

    /** The appeal after this decision, or a conflict when the appeal's state does not allow it. */
    Appeal applyTo(Appeal appeal, Instant now) {
        AppealStatus status = appeal.status();
        Map<String, Boolean> newChecks = checks.isEmpty() ? appeal.checks() : checks;
        return switch (action) {
            case VERIFY -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                yield appeal.withDecision(AppealStatus.VERIFIED, appeal.regionCode(), now, newChecks);
            }
            case REJECT -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                yield appeal.withDecision(AppealStatus.REJECTED, appeal.regionCode(), appeal.verifiedAt(), newChecks);
            }
            case REFER -> {
                require(status == AppealStatus.SUBMITTED, appeal);
                if (toRegion.equals(appeal.regionCode())) {
                    throw new DomainException.Invalid("/toRegionCode", "must differ from the appeal's current region");
                }
                yield appeal.withDecision(AppealStatus.SUBMITTED, toRegion, appeal.verifiedAt(), newChecks);
            }
            case CLOSE -> {
                require(status == AppealStatus.VERIFIED || status == AppealStatus.FUNDED, appeal);
                yield appeal.withDecision(AppealStatus.CLOSED, appeal.regionCode(), appeal.verifiedAt(), newChecks);
            }
        };
    }

    HistoryEntry historyEntry(Appeal before, String actor, Instant now) {
        return new HistoryEntry(now, actor, action.name(), reason, before.regionCode().value(),
                action == Action.REFER ? toRegion.value() : null);
    }

    private void require(boolean allowed, Appeal appeal) {
        if (!allowed) {
            throw new DomainException.Conflict(action + " is not possible for an appeal that is " + appeal.status() + ".");
        }
    }
}
