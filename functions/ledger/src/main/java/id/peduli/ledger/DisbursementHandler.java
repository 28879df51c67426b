package id.peduli.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Idempotency;
import id.peduli.core.http.Input;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.http.Views;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.service.Ledger;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /admin/appeals/{id}/disbursements}: an officer records money paid out to the hospital or family. The
 * entry, the totals and the idempotency record are one transaction, so a retried request never pays twice.
 */
public final class DisbursementHandler extends HttpFunction {
    private final AppealQueries queries;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final Clock clock;

    public DisbursementHandler() {
        this(Wiring.stores(), Clock.systemUTC());
    }

    public DisbursementHandler(Stores stores, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.ledger = new Ledger(stores);
        this.idempotency = new Idempotency(stores.idempotency());
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerScope scope = request.officer();
        ObjectNode body = Body.object(request);
        Appeal appeal = queries.officerAppeal(scope, request.path("id"));
        Idempotency.Key key = Idempotency.of(request, "POST /admin/appeals/" + appeal.id() + "/disbursements");
        return idempotency.once(key, () -> disburse(body, appeal.id(), scope, key));
    }

    private HttpResponse disburse(ObjectNode body, String appealId, OfficerScope scope, Idempotency.Key key) {
        Input in = Input.of(body).allow("amount", "recipient", "reference", "note");
        Long amount = in.money("amount", 1, Long.MAX_VALUE, true);
        String recipient = in.text("recipient", 2, 200, true);
        String reference = in.text("reference", 1, 100, true);
        String note = in.text("note", 0, 500, false);
        in.check();
        Instant now = clock.instant();
        LedgerEntry entry = ledger.disburse(appealId, Rupiah.of(amount), recipient, reference,
                note == null || note.isBlank() ? null : note, scope.subject(), now,
                e -> Idempotency.record(key, created(e), now));
        return created(entry);
    }

    private static HttpResponse created(LedgerEntry entry) {
        return HttpResponse.json(201, Views.ledgerEntry(entry));
    }
}
