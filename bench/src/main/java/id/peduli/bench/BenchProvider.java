package id.peduli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The pledge's provider call made bare: a Snap "create transaction" on the local payment sandbox
 * ({@code POST $MIDTRANS_SNAP_URL/transactions}, HTTP Basic with the server key), with the body the Midtrans gateway
 * sends, on one long-lived JDK HttpClient configured as the functions' own (2 s connect, no redirects). What the
 * pledge's warm figure is compared with, beside its DynamoDB requests.
 */
final class BenchProvider {
    private static final DateTimeFormatter START_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.ofHours(7));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI create = URI.create(Config.require("MIDTRANS_SNAP_URL") + "/transactions");
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (Config.require("MIDTRANS_SERVER_KEY") + ":").getBytes(StandardCharsets.UTF_8));

    /** Creates a payment for a fresh order; throws unless the sandbox answers 2xx. */
    void create(String appealId, long amount) {
        Instant now = Instant.now();
        ObjectNode body = Json.object();
        ObjectNode details = body.putObject("transaction_details");
        details.put("order_id", "bench-bare-" + BenchEvents.serial());
        details.put("gross_amount", amount);
        ObjectNode item = body.putArray("item_details").addObject();
        item.put("id", appealId);
        item.put("price", amount);
        item.put("quantity", 1);
        item.put("name", "Donasi Peduli");
        body.putObject("customer_details").put("first_name", "Budi");
        ObjectNode expiry = body.putObject("expiry");
        expiry.put("start_time", START_TIME.format(now));
        expiry.put("unit", "minute");
        expiry.put("duration", 1440);
        body.putObject("callbacks").put("finish", Config.require("WEB_ORIGIN") + "/donations/finish");
        HttpRequest request = HttpRequest.newBuilder(create).timeout(Duration.ofSeconds(8))
                .header("content-type", "application/json").header("accept", "application/json")
                .header("authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the sandbox answered " + answer.statusCode() + " to a bare create: "
                        + new String(answer.body(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
