package id.peduli.core.store;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Totals;
import java.util.ArrayList;
import java.util.List;

/**
 * What officers see of an appeal, read together: the appeal, its ledger totals, its decision history (oldest first),
 * the payment anomalies recorded against it (oldest first) and its supporting documents (oldest first). The reporter's
 * tracking view is drawn from the same record.
 */
public record OfficerRecord(Appeal appeal, Totals totals, List<HistoryEntry> history, List<Anomaly> anomalies,
                            List<Document> documents) {

    public OfficerRecord {
        history = List.copyOf(history);
        anomalies = List.copyOf(anomalies);
        documents = List.copyOf(documents);
    }

    /** The documents officers can open: those checked and cleaned. */
    public long readyDocuments() {
        return documents.stream().filter(d -> d.status() == DocumentStatus.READY).count();
    }

    /** This record after a decision: the decided appeal, and the decision last in the history. */
    public OfficerRecord decided(Appeal after, HistoryEntry decision) {
        List<HistoryEntry> longer = new ArrayList<>(history.size() + 1);
        longer.addAll(history);
        longer.add(decision);
        return new OfficerRecord(after, totals, longer, anomalies, documents);
    }
}
