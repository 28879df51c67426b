package id.peduli.core.store;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.RegionCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Appeals, their history, anomalies and the NIK index, read; every write is a {@link UnitOfWork}'s. */
public interface AppealStore {

    Optional<Appeal> find(String id);

    Optional<AppealView> findView(String id);

    /** Public appeals in {@code region} (a province, a regency, or everywhere when null), newest verification first. */
    Page<AppealView> listPublic(RegionCode region, int limit, Map<String, String> after);

    /**
     * Appeals with {@code status} in any of {@code regions} (none covering another), oldest first, merged into one
     * queue; the page continues after the position {@code after} of a previous page.
     */
    Page<Appeal> queue(AppealStatus status, List<RegionCode> regions, int limit, Map<String, String> after);

    /** The appeal with its totals, history and anomalies, read consistently, in one request. */
    Optional<OfficerRecord> findForOfficers(String id);

    /** Ids of other open appeals whose patient has the NIK with this keyed hash. */
    List<String> openAppealsWithNik(String nikHash, String exceptId);
}
