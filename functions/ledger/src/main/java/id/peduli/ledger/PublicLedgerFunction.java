package id.peduli.ledger;

import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.LedgerStore;
import id.peduli.core.store.Stores;

/** What both public ledger routes share: the appeal must be public (404 otherwise), then its ledger is read. */
abstract class PublicLedgerFunction extends HttpFunction {
    final LedgerStore ledger;
    private final AppealQueries queries;

    PublicLedgerFunction(Stores stores) {
        this.ledger = stores.ledger();
        this.queries = new AppealQueries(stores.appeals());
    }

    @Override
    protected final HttpResponse handle(HttpRequest request) {
        return read(queries.publicAppeal(request.path("id")), request);
    }

    /** The answer for the public appeal {@code view}. */
    abstract HttpResponse read(AppealView view, HttpRequest request);
}
