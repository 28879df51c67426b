package id.peduli.core.store;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Totals;
import java.util.ArrayList;
import java.util.List;

/**
 * What officers see of an appeal, read together: the appeal, its ledger totals, its decision history (oldest first)
 * and the payment anomalies recorded against it (oldest first).
 */
public record OfficerRecord(Appeal appeal, Totals totals, List<HistoryEntry> history, List<Anomaly> anomalies) {

    public OfficerRecord {
        history = List.copyOf(history);
        anomalies = List.copyOf(anomalies);
    }

    /** This record after a decision: the decided appeal, and the decision last in the history. */
    public OfficerRecord decided(Appeal after, HistoryEntry decision) {
        List<HistoryEntry> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(decision);
        return new OfficerRecord(after, totals, longer, anomalies);
    }
}
