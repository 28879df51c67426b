package id.peduli.appeals;

import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Views;
import id.peduli.core.store.AppealView;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;

/** {@code GET /appeals/{id}}: one public appeal; 404 when it does not exist or is not public. */
public final class GetAppealHandler extends HttpFunction {
    private final AppealQueries queries;

    public GetAppealHandler() {
        this(Wiring.stores());
    }

    public GetAppealHandler(Stores stores) {
        this.queries = new AppealQueries(stores.appeals());
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        AppealView view = queries.publicAppeal(request.path("id"));
        return HttpResponse.json(200, Views.publicAppeal(view.appeal(), view.totals()));
    }
}
