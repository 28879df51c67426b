package id.peduli.appeals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Views;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.LedgerStore;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /a/{id}}: the appeal's page as HTML, rendered from its public view and the first page of its public
 * ledger (see {@link AppealPage}); the 404 page when the appeal does not exist or is not public. Shared links are
 * fetched by preview bots once and then often, so the page may be cached for a minute.
 */
public final class AppealPageHandler extends HttpFunction {
    static final String HTML = "text/html; charset=utf-8";
    /**
     * Entries in the served page. The page goes out uncompressed (API Gateway does not compress, and CloudFront does
     * not for an uncached path), so a long ledger is not served whole: the scripts append the later entries at the end
     * of the list, where nothing above them moves, and the page stays within its 100 KiB with the ledger's own pages.
     */
    static final int LEDGER_ENTRIES = 20;
    private final AppealQueries queries;
    private final LedgerStore ledger;
    private final Supplier<AppealPage> page;

    public AppealPageHandler() {
        this(Wiring.stores(), singleton(AppealPage.fromClasspath()));
    }

    /** @param page the page to render with; the local stack passes one that rereads the web folder each time */
    public AppealPageHandler(Stores stores, Supplier<AppealPage> page) {
        this.queries = new AppealQueries(stores.appeals());
        this.ledger = stores.ledger();
        this.page = page;
    }

    private static Supplier<AppealPage> singleton(AppealPage page) {
        return () -> page;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        AppealPage html = page.get();
        AppealView view;
        try {
            view = queries.publicAppeal(request.path("id"));
        } catch (DomainException.NotFound e) {
            return HttpResponse.text(404, HTML, html.notFound()).withHeader("cache-control", "no-store");
        }
        return HttpResponse.text(200, HTML, html.render(Views.publicAppeal(view.appeal(), view.totals()), firstLedgerPage(view)))
                .withHeader("cache-control", "public, max-age=60");
    }

    /** What {@code GET /appeals/{id}/ledger} answers first: the totals and the first entries (one key-range query). */
    private ObjectNode firstLedgerPage(AppealView view) {
        ObjectNode page = Json.object();
        page.set("totals", Views.totals(view.totals()));
        ArrayNode items = page.putArray("items");
        List<LedgerEntry> entries = ledger.entries(view.appeal().id(), 0, LEDGER_ENTRIES);
        entries.forEach(e -> items.add(Views.ledgerEntry(e)));
        return page;
    }
}
