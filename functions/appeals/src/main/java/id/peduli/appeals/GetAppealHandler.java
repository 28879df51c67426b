package id.peduli.appeals;

import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Views;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.Stores;

/** {@code GET /appeals/{id}}: one public appeal; 404 when it does not exist or is not public. */
public final class GetAppealHandler extends HttpFunction {
    private final Stores stores;

    public GetAppealHandler() {
        this(Stores.fromEnvironment());
    }

    public GetAppealHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        AppealView view = stores.publicAppeal(request.path("id"));
        return HttpResponse.json(200, Views.publicAppeal(view.appeal(), view.totals()));
    }
}
