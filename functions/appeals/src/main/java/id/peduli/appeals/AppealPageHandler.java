package id.peduli.appeals;

import id.peduli.core.domain.DomainException;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Views;
import id.peduli.core.store.AppealView;
import id.peduli.core.service.AppealQueries;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.util.function.Supplier;

/**
 * {@code GET /a/{id}}: the appeal's page as HTML, rendered from its public view (see {@link AppealPage}); the 404
 * page when the appeal does not exist or is not public. Shared links are fetched by preview bots once and then often,
 * so the page may be cached for a minute.
 */
public final class AppealPageHandler extends HttpFunction {
    static final String HTML = "text/html; charset=utf-8";
    private final AppealQueries queries;
    private final Supplier<AppealPage> page;

    public AppealPageHandler() {
        this(Wiring.stores(), singleton(AppealPage.fromClasspath()));
    }

    /** @param page the page to render with; the local stack passes one that rereads the web folder each time */
    public AppealPageHandler(Stores stores, Supplier<AppealPage> page) {
        this.queries = new AppealQueries(stores.appeals());
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
        return HttpResponse.text(200, HTML, html.render(Views.publicAppeal(view.appeal(), view.totals())))
                .withHeader("cache-control", "public, max-age=60");
    }
}
