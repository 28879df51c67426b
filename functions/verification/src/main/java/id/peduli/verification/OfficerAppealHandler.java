package id.peduli.verification;

import id.peduli.core.domain.Appeal;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;

/** {@code GET /admin/appeals/{id}}: the officer view, for officers whose scope covers the appeal's current region. */
public final class OfficerAppealHandler extends HttpFunction {
    private final Stores stores;
    private final AppealQueries queries;

    public OfficerAppealHandler() {
        this(Wiring.stores());
    }

    public OfficerAppealHandler(Stores stores) {
        this.stores = stores;
        this.queries = new AppealQueries(stores.appeals());
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerRecord record = queries.officerRecord(request.officer(), request.path("id"));
        Appeal appeal = record.appeal();
        return HttpResponse.json(200, OfficerViews.full(record,
                stores.appeals().openAppealsWithNik(appeal.nikHash(), appeal.id())));
    }
}
