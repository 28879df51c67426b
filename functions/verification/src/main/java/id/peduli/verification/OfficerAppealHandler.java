package id.peduli.verification;

import id.peduli.core.domain.Appeal;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.OfficerScope;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.store.Stores;

/** {@code GET /admin/appeals/{id}}: the officer view, for officers whose scope covers the appeal's current region. */
public final class OfficerAppealHandler extends HttpFunction {
    private final Stores stores;

    public OfficerAppealHandler() {
        this(Stores.fromEnvironment());
    }

    public OfficerAppealHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerRecord record = stores.officerRecord(OfficerScope.of(request), request.path("id"));
        Appeal appeal = record.appeal();
        return HttpResponse.json(200, OfficerViews.full(record,
                stores.appeals().openAppealsWithNik(appeal.nikHash(), appeal.id())));
    }
}
