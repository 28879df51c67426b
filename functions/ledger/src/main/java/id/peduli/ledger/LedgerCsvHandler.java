package id.peduli.ledger;

import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Times;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Problems;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.List;

/**
 * {@code GET /appeals/{id}/ledger.csv}: the whole ledger as CSV, read a page at a time so only one page of entries
 * is held at once. API Gateway buffers at most 6 MB of a function's answer; a ledger whose CSV would not fit is
 * answered 413 and is read through the paginated JSON route instead (see the README).
 */
public final class LedgerCsvHandler extends PublicLedgerFunction {
    static final String HEADER = "seq,type,amount,donorName,recipient,message,reference,at,prevHash,hash\r\n";
    static final int PAGE = 1000;
    static final int MAX_CHARS = 5_500_000;

    public LedgerCsvHandler() {
        this(Wiring.stores());
    }

    public LedgerCsvHandler(Stores stores) {
        super(stores);
    }

    @Override
    HttpResponse read(AppealView view, HttpRequest request) {
        String appealId = view.appeal().id();
        StringBuilder csv = new StringBuilder(HEADER);
        long after = 0;
        while (true) {
            List<LedgerEntry> page = ledger.entries(appealId, after, PAGE);
            for (LedgerEntry e : page) {
                row(csv, e);
            }
            if (csv.length() > MAX_CHARS) {
                return Problems.of(413, "export-too-large", "Export too large",
                        "This ledger is too long for one CSV answer; read it page by page from /appeals/" + appealId + "/ledger.");
            }
            if (page.size() < PAGE) {
                break; // the store answers short only at the end of the ledger
            }
            after = page.get(page.size() - 1).seq();
        }
        return HttpResponse.text(200, "text/csv; charset=utf-8", csv.toString())
                .withHeader("content-disposition", "attachment; filename=\"ledger-" + appealId + ".csv\"");
    }

    private static void row(StringBuilder csv, LedgerEntry e) {
        boolean out = e.type() == LedgerEntryType.DISBURSEMENT;
        csv.append(e.seq()).append(',').append(e.type().name()).append(',').append(e.amount().value()).append(',');
        field(csv, out ? "" : e.party()).append(',');
        field(csv, out ? e.party() : "").append(',');
        field(csv, e.message()).append(',');
        field(csv, e.reference()).append(',');
        csv.append(Times.format(e.at())).append(',').append(e.prevHash()).append(',').append(e.hash()).append("\r\n");
    }

    /**
     * One text field: RFC 4180 quoting (a field with a comma, quote or line break is quoted, quotes doubled), and a
     * leading {@code '} before a value a spreadsheet would read as a formula (OWASP's guard against CSV injection).
     */
    static StringBuilder field(StringBuilder csv, String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return csv.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return csv.append(v);
    }
}
