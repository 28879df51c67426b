package id.peduli.documents;

import id.peduli.core.documents.Documents;
import id.peduli.core.http.DocumentViews;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.s3.S3ObjectStore;
import java.time.Clock;

/**
 * {@code POST /appeals/{id}/documents/{docId}/complete}: after the reporter's upload, the bytes are checked and a
 * copy without image metadata is kept for officers.
 */
public final class CompleteDocumentHandler extends HttpFunction {
    private final AppealQueries queries;
    private final Documents documents;

    public CompleteDocumentHandler() {
        this(Wiring.stores(), S3ObjectStore.fromEnvironment(), Clock.systemUTC());
    }

    public CompleteDocumentHandler(Stores stores, ObjectStore objects, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.documents = new Documents(stores, objects, clock);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String appealId = queries.reporterAppeal(request.path("id"), request.header("x-reporter-token")).id();
        return HttpResponse.json(200, DocumentViews.completed(documents.complete(appealId, request.path("docId"))));
    }
}
