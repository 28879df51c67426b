package id.peduli.documents;

import id.peduli.core.documents.Documents;
import id.peduli.core.domain.Appeal;
import id.peduli.core.http.Body;
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
 * {@code POST /appeals/{id}/documents}: the reporter (by {@code X-Reporter-Token}) announces a document while the
 * appeal is SUBMITTED, and gets a presigned PUT for its bytes.
 */
public final class AddDocumentHandler extends HttpFunction {
    private final AppealQueries queries;
    private final Documents documents;

    public AddDocumentHandler() {
        this(Wiring.stores(), S3ObjectStore.fromEnvironment(), Clock.systemUTC());
    }

    public AddDocumentHandler(Stores stores, ObjectStore objects, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.documents = new Documents(stores, objects, clock);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Appeal appeal = queries.reporterAppeal(request.path("id"), request.header("x-reporter-token"));
        DocumentViews.Announcement a = DocumentViews.Announcement.read(Body.object(request));
        Documents.Upload upload = documents.announce(appeal, a.kind(), a.type(), a.size(), null);
        return HttpResponse.json(201, DocumentViews.announced(upload));
    }
}
