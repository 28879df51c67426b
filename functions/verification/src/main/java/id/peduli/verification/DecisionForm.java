package id.peduli.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Decision;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.http.Input;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an officer's decision from the request body, every broken rule reported at once. */
final class DecisionForm {
    private DecisionForm() {}

    static Decision read(ObjectNode body) {
        Input in = Input.of(body).allow("decision", "reason", "toRegionCode", "checks");
        Decision.Action action = in.choice("decision", Decision.Action.class, true);
        String reason = in.text("reason", 1, 1000, action != null && action != Decision.Action.VERIFY);
        String to = in.text("toRegionCode", 1, 16, action == Decision.Action.REFER);
        if (to != null && action != null && action != Decision.Action.REFER) {
            in.error("toRegionCode", "is only for REFER");
        } else if (to != null && !RegionCode.isRegency(to)) {
            in.error("toRegionCode", "must be an existing regency or city code NN.NN");
            to = null;
        }
        Map<String, Boolean> checks = new LinkedHashMap<>();
        Input c = in.object("checks", false);
        if (c != null) {
            c.allow(Decision.CHECKS.toArray(String[]::new));
            for (String name : Decision.CHECKS) {
                Boolean value = c.bool(name, false);
                if (value != null) {
                    checks.put(name, value);
                }
            }
        }
        in.check();
        return new Decision(action, reason, to == null ? null : new RegionCode(to), checks);
    }
}
