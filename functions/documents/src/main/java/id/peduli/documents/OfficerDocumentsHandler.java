package id.peduli.documents;

import id.peduli.core.documents.Documents;
import id.peduli.core.http.DocumentViews;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.s3.S3ObjectStore;
import java.time.Clock;

/**
 * {@code GET /admin/appeals/{id}/documents}: every document of an appeal in the officer's scope, READY ones with a
 * link to the cleaned copy valid for five minutes.
 */
public final class OfficerDocumentsHandler extends HttpFunction {
    private final AppealQueries queries;
    private final Documents documents;

    public OfficerDocumentsHandler() {
        this(Wiring.stores(), S3ObjectStore.fromEnvironment(), Clock.systemUTC());
    }

    public OfficerDocumentsHandler(Stores stores, ObjectStore objects, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.documents = new Documents(stores, objects, clock);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        // one query: the scope is checked on the appeal read with its documents
        OfficerRecord record = queries.officerRecord(request.officer(), request.path("id"));
        return HttpResponse.json(200, DocumentViews.forOfficers(documents.forOfficers(record.documents())));
    }
}
