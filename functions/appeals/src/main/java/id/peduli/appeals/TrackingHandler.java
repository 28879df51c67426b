package id.peduli.appeals;

import id.peduli.core.http.DocumentViews;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;

/**
 * {@code GET /appeals/{id}/tracking}: the reporter follows the appeal with the token the submission answered
 * ({@code X-Reporter-Token}); without it, or with a wrong one, the appeal does not exist.
 */
public final class TrackingHandler extends HttpFunction {
    private final AppealQueries queries;

    public TrackingHandler() {
        this(Wiring.stores());
    }

    public TrackingHandler(Stores stores) {
        this.queries = new AppealQueries(stores.appeals());
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.json(200, DocumentViews.tracking(
                queries.reporterRecord(request.path("id"), request.header("x-reporter-token"))));
    }
}
