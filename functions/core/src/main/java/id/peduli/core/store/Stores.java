package id.peduli.core.store;

import id.peduli.core.ReporterToken;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.http.OfficerScope;
import id.peduli.core.domain.Ids;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.dynamodb.DynamoAppealStore;
import id.peduli.core.store.dynamodb.DynamoDocumentStore;
import id.peduli.core.store.dynamodb.DynamoDonationStore;
import id.peduli.core.store.dynamodb.DynamoIdempotencyStore;
import id.peduli.core.store.dynamodb.DynamoLedgerStore;
import java.util.Optional;
import java.util.function.Function;

/** The stores a function works with, on one table. Handlers take this; tests pass their own. */
public record Stores(AppealStore appeals, DonationStore donations, LedgerStore ledger, IdempotencyStore idempotency,
                     DocumentStore documents) {

    public static Stores on(Dynamo dynamo) {
        return new Stores(new DynamoAppealStore(dynamo), new DynamoDonationStore(dynamo), new DynamoLedgerStore(dynamo),
                new DynamoIdempotencyStore(dynamo), new DynamoDocumentStore(dynamo));
    }

    private static final class Default {
        static final Stores INSTANCE = on(Dynamo.fromEnvironment());
    }

    /**
     * The appeal with this id if the public may see it.
     * @throws DomainException.NotFound when it does not exist or is not public (the two are not told apart)
     */
    public AppealView publicAppeal(String id) {
        return Ids.wellFormed(id).flatMap(appeals::findView)
                .filter(v -> v.appeal().status().isPublic())
                .orElseThrow(() -> new DomainException.NotFound("No public appeal with this id."));
    }

    /**
     * The stored appeal, if the officer's scope covers its current region.
     * @throws DomainException.NotFound when there is no such appeal
     * @throws DomainException.Forbidden when it lies outside the officer's regions
     */
    public Appeal officerAppeal(OfficerScope scope, String id) {
        return inScope(scope, Ids.wellFormed(id).flatMap(appeals::find), Function.identity());
    }

    /**
     * The stored appeal with its totals, history and anomalies, if the officer's scope covers its current region.
     * @throws DomainException.NotFound when there is no such appeal
     * @throws DomainException.Forbidden when it lies outside the officer's regions
     */
    public OfficerRecord officerRecord(OfficerScope scope, String id) {
        return inScope(scope, Ids.wellFormed(id).flatMap(appeals::findForOfficers), OfficerRecord::appeal);
    }

    /**
     * The appeal with its history and documents, for whoever holds its reporter token. The token is checked before
     * anything is read, and a wrong one is answered exactly as an appeal that does not exist.
     * @throws DomainException.NotFound when the id or the token is wrong, or there is no such appeal
     */
    public OfficerRecord reporterRecord(String id, String reporterToken) {
        return Ids.wellFormed(id).filter(i -> ReporterToken.matches(i, reporterToken))
                .flatMap(appeals::findForOfficers)
                .orElseThrow(() -> new DomainException.NotFound("No appeal with this id."));
    }

    /**
     * The stored appeal, for whoever holds its reporter token (checked before anything is read).
     * @throws DomainException.NotFound when the id or the token is wrong, or there is no such appeal
     */
    public Appeal reporterAppeal(String id, String reporterToken) {
        return Ids.wellFormed(id).filter(i -> ReporterToken.matches(i, reporterToken))
                .flatMap(appeals::find)
                .orElseThrow(() -> new DomainException.NotFound("No appeal with this id."));
    }

    private static <T> T inScope(OfficerScope scope, Optional<T> found, Function<T, Appeal> appeal) {
        T t = found.orElseThrow(() -> new DomainException.NotFound("No appeal with this id."));
        if (!scope.covers(appeal.apply(t).regionCode())) {
            throw new DomainException.Forbidden("This appeal is outside your regions.");
        }
        return t;
    }

    /** The container's stores, built once from the environment. */
    public static Stores fromEnvironment() {
        return Default.INSTANCE;
    }
}
