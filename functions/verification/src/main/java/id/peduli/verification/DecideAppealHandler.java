package id.peduli.verification;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.Decision;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Body;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.service.AppealWrites;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /admin/appeals/{id}/decisions}: verify, reject, refer or close. The write is conditional on the
 * version read, so of two officers deciding at once exactly one wins and the other gets 409.
 */
public final class DecideAppealHandler extends HttpFunction {
    private final Stores stores;
    private final AppealQueries queries;
    private final AppealWrites writes;
    private final Clock clock;

    public DecideAppealHandler() {
        this(Wiring.stores(), Clock.systemUTC());
    }

    public DecideAppealHandler(Stores stores, Clock clock) {
        this.stores = stores;
        this.queries = new AppealQueries(stores.appeals());
        this.writes = new AppealWrites(stores);
        this.clock = clock;
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
        // a case that ends takes its documents with it: the documents' sweep tags them for the bucket's deletion rule
        writes.decide(before, after, entry, decision.endsTheCase() && !record.documents().isEmpty());
        // The answer is the record as read with the decision applied: the write required the appeal unchanged since.
        return HttpResponse.json(200, OfficerViews.full(record.decided(after, entry),
                stores.appeals().openAppealsWithNik(after.nikHash(), after.id())));
    }
}
