package id.peduli.ledger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.http.Cursors;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Query;
import id.peduli.core.http.Views;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /appeals/{id}/ledger}: the totals (one read of the ledger head) and a page of entries ascending by
 * {@code seq}. A page is one key-range query whatever the ledger's length.
 */
public final class LedgerHandler extends PublicLedgerFunction {
    public LedgerHandler() {
        this(Wiring.stores());
    }

    public LedgerHandler(Stores stores) {
        super(stores);
    }

    @Override
    HttpResponse read(AppealView view, HttpRequest request) {
        String appealId = view.appeal().id();
        int limit = Query.limit(request);
        String context = "ledger|" + appealId;
        String cursor = request.query().get("cursor");
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(Cursors.open(context, cursor).getOrDefault("after", "x"));
            } catch (NumberFormatException e) {
                throw Query.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<LedgerEntry> entries = ledger.entries(appealId, after, limit + 1);
        boolean more = entries.size() > limit;
        List<LedgerEntry> page = more ? entries.subList(0, limit) : entries;

        ObjectNode answer = Json.object();
        answer.put("appealId", appealId);
        answer.set("totals", Views.totals(view.totals()));
        ArrayNode items = answer.putArray("items");
        page.forEach(e -> items.add(Views.ledgerEntry(e)));
        answer.put("nextCursor", more
                ? Cursors.seal(context, Map.of("after", Long.toString(page.get(page.size() - 1).seq()))) : null);
        return HttpResponse.json(200, answer);
    }
}
