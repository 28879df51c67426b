package id.peduli.core.service;

import id.peduli.core.ReporterToken;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.store.AppealStore;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.OfficerRecord;
import java.util.Optional;
import java.util.function.Function;

/**
 * The appeal as each kind of caller may see it: the public (only public appeals), officers (only in their scope,
 * checked against the appeal's current region) and the reporter (only with the appeal's token). Who may not see it
 * is told only what the rules allow: an appeal that is not public does not exist for the public.
 */
public final class AppealQueries {
    private final AppealStore appeals;

    public AppealQueries(AppealStore appeals) {
        this.appeals = appeals;
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
        return reporterOwned(id, reporterToken).flatMap(appeals::findForOfficers).orElseThrow(AppealQueries::noAppeal);
    }

    /**
     * The stored appeal, for whoever holds its reporter token (checked before anything is read).
     * @throws DomainException.NotFound when the id or the token is wrong, or there is no such appeal
     */
    public Appeal reporterAppeal(String id, String reporterToken) {
        return reporterOwned(id, reporterToken).flatMap(appeals::find).orElseThrow(AppealQueries::noAppeal);
    }

    private static Optional<String> reporterOwned(String id, String reporterToken) {
        return Ids.wellFormed(id).filter(i -> ReporterToken.matches(i, reporterToken));
    }

    private static <T> T inScope(OfficerScope scope, Optional<T> found, Function<T, Appeal> appeal) {
        T t = found.orElseThrow(AppealQueries::noAppeal);
        if (!scope.covers(appeal.apply(t).regionCode())) {
            throw new DomainException.Forbidden("This appeal is outside your regions.");
        }
        return t;
    }

    private static DomainException.NotFound noAppeal() {
        return new DomainException.NotFound("No appeal with this id.");
    }
}
