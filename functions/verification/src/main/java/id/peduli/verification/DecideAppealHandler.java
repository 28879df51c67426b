package id.peduli.verification;

import id.peduli.core.documents.Documents;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Decision;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.service.AppealWrites;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.s3.S3ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code POST /admin/appeals/{id}/decisions}: verify, reject, refer or close. The write is conditional on the
 * version read, so of two officers deciding at once exactly one wins and the other gets 409.
 */
public final class DecideAppealHandler extends HttpFunction {
    private final Stores stores;
    private final AppealQueries queries;
    private final AppealWrites writes;
    private final Clock clock;
    private final Supplier<ObjectStore> objects;

    public DecideAppealHandler() {
        // the S3 client is built only when a decision first has documents to tag
        this(Wiring.stores(), Clock.systemUTC(), S3ObjectStore::fromEnvironment);
    }

    public DecideAppealHandler(Stores stores, Clock clock) {
        this(stores, clock, S3ObjectStore::fromEnvironment);
    }

    public DecideAppealHandler(Stores stores, Clock clock, Supplier<ObjectStore> objects) {
        this.stores = stores;
        this.queries = new AppealQueries(stores.appeals());
        this.writes = new AppealWrites(stores);
        this.clock = clock;
        this.objects = objects;
    }

    /**
     * Tags the documents of a rejected or closed appeal for deletion 180 days on. The decision stands whatever
     * happens here; a failure is logged by its class alone (never a key or URL), for the tags to be set again.
     */
    private void expireDocuments(OfficerRecord record) {
        try {
            new Documents(stores, objects.get(), clock).expire(record.documents());
        } catch (SdkException e) {
            System.err.println("documents not tagged for expiry after a decision: " + e.getClass().getName());
        }
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerScope scope = request.officer();
        Decision decision = DecisionForm.read(Body.object(request));
        OfficerRecord record = queries.officerRecord(scope, request.path("id"));
        Appeal before = record.appeal();
        Instant now = Times.truncate(clock.instant());
        Appeal after = decision.applyTo(before, now);
        HistoryEntry entry = decision.historyEntry(before, scope.subject(), now);
        writes.decide(before, after, entry);
        if (decision.endsTheCase() && !record.documents().isEmpty()) {
            expireDocuments(record);
        }
        // The answer is the record as read with the decision applied: the write required the appeal unchanged since.
        return HttpResponse.json(200, OfficerViews.full(record.decided(after, entry),
                stores.appeals().openAppealsWithNik(after.nikHash(), after.id())));
    }
}
