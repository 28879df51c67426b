package id.peduli.verification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.http.Cursors;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.domain.OfficerScope;
import id.peduli.core.http.Query;
import id.peduli.core.store.Page;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/appeals}: the appeals with one status in the region asked for, or in all the caller's regions
 * merged, oldest first (a work queue).
 */
public final class OfficerQueueHandler extends HttpFunction {
    private final Stores stores;

    public OfficerQueueHandler() {
        this(Wiring.stores());
    }

    public OfficerQueueHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerScope scope = request.officer();
        AppealStatus status = status(request.query().get("status"));
        List<RegionCode> regions = regions(scope, request.query().get("regionCode"));
        int limit = Query.limit(request);
        StringBuilder context = new StringBuilder("queue|").append(status);
        regions.stream().map(RegionCode::value).sorted().forEach(r -> context.append('|').append(r));
        String cursor = request.query().get("cursor");
        Map<String, String> after = cursor == null ? null : Cursors.open(context.toString(), cursor);

        Page<Appeal> page = stores.appeals().queue(status, regions, limit, after);
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        page.items().forEach(a -> items.add(OfficerViews.summary(a)));
        answer.put("nextCursor", page.next() == null ? null : Cursors.seal(context.toString(), page.next()));
        return HttpResponse.json(200, answer);
    }

    private static AppealStatus status(String raw) {
        if (raw == null) {
            return AppealStatus.SUBMITTED;
        }
        for (AppealStatus s : AppealStatus.values()) {
            if (s.name().equals(raw)) {
                return s;
            }
        }
        throw Query.invalid("status", "must be one of SUBMITTED, VERIFIED, REJECTED, FUNDED, CLOSED");
    }

    /** The region asked for, which the caller must cover; or, when none is asked for, every region of the caller's. */
    private static List<RegionCode> regions(OfficerScope scope, String raw) {
        if (raw != null) {
            if (!RegionCode.isValid(raw)) {
                throw Query.invalid("regionCode", "must be an existing province (NN) or regency/city (NN.NN) code");
            }
            RegionCode region = new RegionCode(raw);
            if (!scope.covers(region)) {
                throw new DomainException.Forbidden("This region is outside your scope.");
            }
            return List.of(region);
        }
        if (scope.regions().isEmpty()) {
            throw new DomainException.Forbidden("Your account is not an officer of any region.");
        }
        return scope.regions();
    }
}
