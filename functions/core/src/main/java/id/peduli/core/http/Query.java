package id.peduli.core.http;

import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.DomainException.FieldError;
import java.util.List;

/** Query-string rules shared by every paginated route. */
public final class Query {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Query() {}

    public static int limit(HttpRequest request) {
        String raw = request.query().get("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new DomainException.Invalid(List.of(FieldError.param("limit", "must be an integer from 1 to " + MAX_LIMIT)));
    }

    public static DomainException.Invalid invalid(String parameter, String detail) {
        return new DomainException.Invalid(List.of(FieldError.param(parameter, detail)));
    }
}
