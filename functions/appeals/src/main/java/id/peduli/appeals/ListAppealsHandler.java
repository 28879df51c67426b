package id.peduli.appeals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.http.Cursors;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Query;
import id.peduli.core.http.Views;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.Page;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.Map;

/** {@code GET /appeals}: verified, funded and closed appeals, newest verification first. */
public final class ListAppealsHandler extends HttpFunction {
    private final Stores stores;

    public ListAppealsHandler() {
        this(Wiring.stores());
    }

    public ListAppealsHandler(Stores stores) {
        this.stores = stores;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String regionParam = request.query().get("regionCode");
        if (regionParam != null && !RegionCode.isValid(regionParam)) {
            throw Query.invalid("regionCode", "must be an existing province (NN) or regency/city (NN.NN) code");
        }
        RegionCode region = regionParam == null ? null : new RegionCode(regionParam);
        int limit = Query.limit(request);
        String context = "public-appeals|" + (region == null ? "*" : region.value());
        String cursor = request.query().get("cursor");
        Map<String, String> after = cursor == null ? null : Cursors.open(context, cursor);

        Page<AppealView> page = stores.appeals().listPublic(region, limit, after);
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        page.items().forEach(v -> items.add(Views.publicAppeal(v.appeal(), v.totals())));
        answer.put("nextCursor", page.next() == null ? null : Cursors.seal(context, page.next()));
        return HttpResponse.json(200, answer);
    }
}
