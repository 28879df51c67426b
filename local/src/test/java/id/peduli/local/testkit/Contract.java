package id.peduli.local.testkit;

import id.peduli.local.Main;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Holds every exchange the suite makes with the local API to openapi.yaml, with a maintained validator. Every
 * response is checked; a request is checked when the API accepted it (a request the API refused is often invalid
 * on purpose).
 */
public final class Contract {
    private static OpenApiInteractionValidator validator;

    private Contract() {}

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator
                    .createForSpecificationUrl(Main.findTemplate().getParent().resolve("openapi.yaml").toUri().toString())
                    .build();
        }
        return validator;
    }

    public static void check(String method, String pathAndQuery, String requestBody, String[] requestHeaders,
                      int status, Map<String, List<String>> responseHeaders, String responseBody) {
        URI uri = URI.create(pathAndQuery);
        Request.Method m = Request.Method.valueOf(method);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(responseBody);
        responseHeaders.forEach((k, v) -> response.withHeader(k, v));
        ValidationReport report = validator().validateResponse(uri.getRawPath(), m, response.build());
        if (status < 300) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    request.withQueryParam(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
                }
            }
            for (int i = 0; i < requestHeaders.length; i += 2) {
                request.withHeader(requestHeaders[i], requestHeaders[i + 1]);
            }
            if (requestBody != null) {
                request.withBody(requestBody);
            }
            report = report.merge(validator().validateRequest(request.build()));
        }
        if (report.hasErrors()) {
            throw new AssertionError("openapi.yaml disagrees with " + method + " " + pathAndQuery + " -> " + status + ":\n"
                    + report.getMessages().stream().map(msg -> "  " + msg.getKey() + ": " + msg.getMessage())
                    .collect(Collectors.joining("\n")) + "\nresponse: " + abbreviate(responseBody));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 600 ? text : text.substring(0, 600) + "...";
    }
}
