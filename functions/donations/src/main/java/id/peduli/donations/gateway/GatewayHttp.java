package id.peduli.donations.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * The one way the functions talk to a payment provider: JSON over HTTPS with HTTP Basic authentication
 * ({@code base64(key + ":")}, as both providers document), a 2 s connect and 8 s total timeout, answers read no
 * further than 1 MiB, and one retry only when an established connection was reset (nothing else is retried: a
 * pledge answers 503 and the donor's retry resumes it).
 *
 * <p>It uses the JDK's {@link HttpURLConnection}, which the SDK's URL-connection client has already loaded in every
 * function: {@code java.net.http.HttpClient} cost the pledge about a fifth of its cold start (BENCHMARKS.md).
 */
public final class GatewayHttp {
    static final int MAX_ANSWER = 1 << 20;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final String authorization;
    private final Duration timeout;

    public GatewayHttp(String key) {
        this(key, TIMEOUT);
    }

    GatewayHttp(String key, Duration timeout) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    /** An answer: the HTTP status and the JSON body, or null when the body was not JSON. */
    record Answer(int status, JsonNode json) {}

    Answer get(URI uri) {
        return send(uri, "GET", null);
    }

    Answer post(URI uri, JsonNode body) {
        return send(uri, "POST", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(URI uri, String method, byte[] body) {
        for (int attempt = 1; ; attempt++) {
            long deadline = System.nanoTime() + timeout.toNanos();
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setRequestMethod(method);
                connection.setInstanceFollowRedirects(false);
                connection.setUseCaches(false);
                connection.setConnectTimeout((int) Math.min(CONNECT_TIMEOUT.toMillis(), timeout.toMillis()));
                connection.setReadTimeout(remainingMillis(deadline));
                connection.setRequestProperty("accept", "application/json");
                connection.setRequestProperty("authorization", authorization);
                if (body != null) {
                    connection.setDoOutput(true);
                    connection.setRequestProperty("content-type", "application/json");
                    connection.setFixedLengthStreamingMode(body.length);
                    try (OutputStream out = connection.getOutputStream()) {
                        out.write(body);
                    }
                }
                int status = connection.getResponseCode();
                connection.setReadTimeout(remainingMillis(deadline));
                InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                return new Answer(status, read(stream, deadline));
            } catch (SocketTimeoutException e) {
                throw new GatewayException.Unavailable("The payment provider did not answer in time.");
            } catch (ConnectException e) {
                throw new GatewayException.Unavailable("The payment provider cannot be reached.");
            } catch (IOException e) {
                if (attempt == 1 && isReset(e)) {
                    continue;
                }
                throw new GatewayException.Unavailable("The connection to the payment provider failed.");
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
    }

    /** What is left of the total timeout, for the next read (at least 1 ms: 0 would mean no timeout at all). */
    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("total timeout");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static boolean isReset(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("reset")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body as JSON, or null when it is not JSON (or there is none); a body over 1 MiB is not read past the limit
     * and refused; the total timeout holds while it is read.
     */
    private static JsonNode read(InputStream body, long deadline) throws IOException {
        if (body == null) {
            return null;
        }
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_ANSWER + 1);
            remainingMillis(deadline);
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
