package id.peduli.donations.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The one way the functions talk to a payment provider: JSON over HTTPS with HTTP Basic authentication
 * ({@code base64(key + ":")}, as both providers document), a 2 s connect and 8 s total timeout, answers read no
 * further than 1 MiB, and one retry only when an established connection was reset (nothing else is retried: a
 * pledge answers 503 and the donor's retry resumes it).
 */
public final class GatewayHttp {
    static final int MAX_ANSWER = 1 << 20;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient client;
    private final String authorization;
    private final Duration timeout;

    public GatewayHttp(HttpClient client, String key) {
        this(client, key, TIMEOUT);
    }

    GatewayHttp(HttpClient client, String key, Duration timeout) {
        this.client = client;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    /** The client every gateway of a container shares. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An answer: the HTTP status and the JSON body, or null when the body was not JSON. */
    record Answer(int status, JsonNode json) {}

    Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Answer post(URI uri, JsonNode body) {
        return send(HttpRequest.newBuilder(uri).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeout).header("accept", "application/json")
                .header("authorization", authorization).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                return new Answer(response.statusCode(), read(response.body()));
            } catch (HttpTimeoutException e) {
                throw new GatewayException.Unavailable("The payment provider did not answer in time.");
            } catch (ConnectException e) {
                throw new GatewayException.Unavailable("The payment provider cannot be reached.");
            } catch (IOException e) {
                if (attempt == 1 && isReset(e)) {
                    continue;
                }
                throw new GatewayException.Unavailable("The connection to the payment provider failed.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException.Unavailable("Interrupted while waiting for the payment provider.");
            }
        }
    }

    private static boolean isReset(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    /** The body as JSON, or null when it is not JSON; a body over 1 MiB is not read past the limit and refused. */
    private static JsonNode read(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_ANSWER + 1);
            if (bytes.length > MAX_ANSWER) {
                throw new GatewayException.Refused("The payment provider's answer was too large to be used.");
            }
            try {
                return Json.parse(bytes);
            } catch (IOException notJson) {
                return null;
            }
        }
    }
}
