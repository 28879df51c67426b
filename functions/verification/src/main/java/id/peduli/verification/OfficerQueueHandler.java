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
import id.peduli.core.http.OfficerScope;
import id.peduli.core.http.Query;
import id.peduli.core.store.Page;
import id.peduli.core.store.Stores;
import java.util.Map;

/** {@code GET /admin/appeals}: the appeals in the caller's region with one status, oldest first (a work queue). */
public final class OfficerQueueHandler extends HttpFunction {
    private final Stores stores;

    public OfficerQueueHandler() {
        this(Stores.fromEnvironment());
    }

    public OfficerQueueHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        OfficerScope scope = OfficerScope.of(request);
        AppealStatus status = status(request.query().get("status"));
        RegionCode region = region(scope, request.query().get("regionCode"));
        int limit = Query.limit(request);
        String context = "queue|" + status + "|" + region.value();
        String cursor = request.query().get("cursor");
        Map<String, String> after = cursor == null ? null : Cursors.open(context, cursor);

        Page<Appeal> page = stores.appeals().queue(status, region, limit, after);
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        page.items().forEach(a -> items.add(OfficerViews.summary(a)));
        answer.put("nextCursor", page.next() == null ? null : Cursors.seal(context, page.next()));
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

    /** The region asked for, which the caller must cover; or the caller's one region when none is asked for. */
    private static RegionCode region(OfficerScope scope, String raw) {
        if (raw != null) {
            if (!RegionCode.isValid(raw)) {
                throw Query.invalid("regionCode", "must be an existing province (NN) or regency/city (NN.NN) code");
            }
            RegionCode region = new RegionCode(raw);
            if (!scope.covers(region)) {
                throw new DomainException.Forbidden("This region is outside your scope.");
            }
            return region;
        }
        if (scope.regions().isEmpty()) {
            throw new DomainException.Forbidden("Your account is not an officer of any region.");
        }
        if (scope.regions().size() > 1) {
            throw Query.invalid("regionCode", "is required: you are an officer of several regions");
        }
        return scope.regions().get(0);
    }
}
