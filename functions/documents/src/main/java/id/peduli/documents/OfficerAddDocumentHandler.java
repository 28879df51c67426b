package id.peduli.documents;

import id.peduli.core.documents.Documents;
import id.peduli.core.domain.Appeal;
import id.peduli.core.http.Body;
import id.peduli.core.http.DocumentViews;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.s3.S3ObjectStore;
import java.time.Clock;

/**
 * {@code POST /admin/appeals/{id}/documents}: an officer in scope announces a document while the appeal is
 * SUBMITTED, VERIFIED or FUNDED, and gets a presigned PUT for its bytes.
 */
public final class OfficerAddDocumentHandler extends HttpFunction {
    private final AppealQueries queries;
    private final Documents documents;

    public OfficerAddDocumentHandler() {
        this(Wiring.stores(), S3ObjectStore.fromEnvironment(), Clock.systemUTC());
    }

    public OfficerAddDocumentHandler(Stores stores, ObjectStore objects, Clock clock) {
        this.queries = new AppealQueries(stores.appeals());
        this.documents = new Documents(stores, objects, clock);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerScope scope = request.officer();
        DocumentViews.Announcement a = DocumentViews.Announcement.read(Body.object(request));
        Appeal appeal = queries.officerAppeal(scope, request.path("id"));
        Documents.Upload upload = documents.announce(appeal, a.kind(), a.type(), a.size(), scope.subject());
        return HttpResponse.json(201, DocumentViews.announced(upload));
    }
}
