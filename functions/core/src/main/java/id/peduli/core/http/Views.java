package id.peduli.core.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Times;
import id.peduli.core.domain.Totals;

/** The JSON views of the API. A public view is built from an allow-list of fields: personal data cannot slip in. */
public final class Views {
    private Views() {}

    /** What every view of an appeal begins with: which appeal, where it stands, whom and what it is for. */
    public static ObjectNode appealHeading(Appeal a) {
        ObjectNode v = Json.object();
        v.put("id", a.id());
        v.put("status", a.status().name());
        v.put("regionCode", a.regionCode().value());
        v.put("regionName", a.regionCode().name());
        v.put("patientName", a.patient().name());
        v.put("diagnosis", a.diagnosis());
        v.put("hospital", a.hospital());
        return v;
    }

    public static ObjectNode publicAppeal(Appeal a, Totals t) {
        ObjectNode v = appealHeading(a);
        v.put("story", a.story());
        v.put("targetAmount", a.target().value());
        v.put("raisedAmount", t.raised());
        v.put("donationCount", t.donationCount());
        v.put("createdAt", Times.format(a.createdAt()));
        v.put("verifiedAt", Times.format(a.verifiedAt()));
        return v;
    }

    public static ObjectNode ledgerEntry(LedgerEntry e) {
        ObjectNode v = Json.object();
        v.put("seq", e.seq());
        v.put("type", e.type().name());
        v.put("amount", e.amount().value());
        if (e.type() == LedgerEntryType.DISBURSEMENT) {
            v.put("recipient", e.recipient());
        } else {
            v.put("donorName", e.donorName() == null ? LedgerEntry.ANONYMOUS : e.donorName());
        }
        if (e.message() != null) {
            v.put("message", e.message());
        }
        v.put("reference", e.reference());
        v.put("at", Times.format(e.at()));
        v.put("prevHash", e.prevHash());
        v.put("hash", e.hash());
        return v;
    }

    public static ObjectNode totals(Totals t) {
        ObjectNode v = Json.object();
        v.put("donated", t.donated().value());
        v.put("refunded", t.refunded().value());
        v.put("disbursed", t.disbursed().value());
        v.put("balance", t.balance());
        v.put("donationCount", t.donationCount());
        return v;
    }
}
