package id.peduli.verification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Decision;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Views;
import id.peduli.core.store.OfficerRecord;
import java.util.List;

/** What officers see: everything the public sees, and the identity, reporter and history behind it. */
final class OfficerViews {
    private OfficerViews() {}

    /** The officer view of {@code record}, with the ids of other open appeals for the same patient. */
    static ObjectNode full(OfficerRecord record, List<String> possibleDuplicates) {
        Appeal a = record.appeal();
        ObjectNode v = Views.publicAppeal(a, record.totals());
        ObjectNode patient = v.putObject("patient");
        patient.put("name", a.patient().name());
        patient.put("nik", a.patient().nik().value());
        patient.put("birthDate", a.patient().birthDate().toString());
        patient.put("address", a.patient().address());
        ObjectNode reporter = v.putObject("reporter");
        reporter.put("name", a.reporter().name());
        reporter.put("phone", a.reporter().phone());
        reporter.put("relationship", a.reporter().relationship());
        v.put("bpjsStatus", a.bpjsStatus().name());
        if (a.checks().isEmpty()) {
            v.putNull("verificationChecks");
        } else {
            ObjectNode checks = v.putObject("verificationChecks");
            Decision.CHECKS.forEach(c -> checks.put(c, a.checks().getOrDefault(c, false)));
        }
        v.put("documentCount", record.readyDocuments());
        ArrayNode duplicates = v.putArray("possibleDuplicates");
        possibleDuplicates.forEach(duplicates::add);
        ArrayNode anomalies = v.putArray("anomalies");
        for (Anomaly an : record.anomalies()) {
            ObjectNode item = anomalies.addObject();
            item.put("type", an.type());
            item.put("at", Times.format(an.at()));
            item.put("provider", an.provider());
            item.put("orderId", an.orderId());
            item.put("expectedAmount", an.expectedAmount());
            item.put("paidAmount", an.paidAmount());
        }
        ArrayNode history = v.putArray("history");
        for (HistoryEntry h : record.history()) {
            ObjectNode item = history.addObject();
            item.put("at", Times.format(h.at()));
            item.put("actor", h.actor());
            item.put("action", h.action());
            item.put("reason", h.reason());
            item.put("fromRegionCode", h.fromRegionCode());
            item.put("toRegionCode", h.toRegionCode());
        }
        return v;
    }

    static ObjectNode summary(Appeal a) {
        ObjectNode v = Views.appealHeading(a);
        v.put("bpjsStatus", a.bpjsStatus().name());
        v.put("targetAmount", a.target().value());
        v.put("createdAt", Times.format(a.createdAt()));
        v.put("verifiedAt", Times.format(a.verifiedAt()));
        return v;
    }
}
