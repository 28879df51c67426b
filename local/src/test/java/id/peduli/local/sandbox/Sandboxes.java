package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** What the sandbox tests share: keys, request helpers and a clock the test moves. */
final class Sandboxes {
    static final String SERVER_KEY = "SB-Mid-server-test-" + UUID.randomUUID();
    static final String SECRET_KEY = "xnd_development_test_" + UUID.randomUUID();
    static final String CALLBACK_TOKEN = "xnd-callback-test-" + UUID.randomUUID();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Sandboxes() {}

    /** A sandbox that posts to {@code baseUrl}, resending quickly, on a clock the test holds. */
    static PaymentSandbox sandbox(String baseUrl, MovableClock clock, Duration... resends) {
        return new PaymentSandbox(PaymentSandbox.Config.of(baseUrl, SERVER_KEY, SECRET_KEY, CALLBACK_TOKEN, HTTP)
                .withResends(List.of(resends)).withClock(clock));
    }

    static Map<String, String> basic(String key) {
        return Map.of("authorization", "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)),
                "content-type", "application/json");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String orderId() {
        return "ord-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static String snapBody(String orderId, long amount) {
        return "{\"transaction_details\":{\"order_id\":\"" + orderId + "\",\"gross_amount\":" + amount + "},"
                + "\"customer_details\":{\"first_name\":\"Budi\",\"email\":\"budi@example.com\"},"
                + "\"callbacks\":{\"finish\":\"https://web.example/donasi/d1\"}}";
    }

    static String invoiceBody(String externalId, long amount) {
        return "{\"external_id\":\"" + externalId + "\",\"amount\":" + amount + ",\"currency\":\"IDR\","
                + "\"invoice_duration\":3600,\"payer_email\":\"budi@example.com\",\"description\":\"Donasi untuk Siti\","
                + "\"success_redirect_url\":\"https://web.example/donasi/d1\","
                + "\"failure_redirect_url\":\"https://web.example/donasi/d1?gagal=1\"}";
    }

    static SandboxResponse snapCreate(PaymentSandbox sandbox, String orderId, long amount) {
        return sandbox.handle("POST", "/_sandbox/midtrans/snap/v1/transactions", null, basic(SERVER_KEY),
                bytes(snapBody(orderId, amount)));
    }

    static SandboxResponse invoiceCreate(PaymentSandbox sandbox, String externalId, long amount) {
        return sandbox.handle("POST", "/_sandbox/xendit/v2/invoices", null, basic(SECRET_KEY),
                bytes(invoiceBody(externalId, amount)));
    }

    static SandboxResponse midtransStatus(PaymentSandbox sandbox, String orderId) {
        return sandbox.handle("GET", "/_sandbox/midtrans/v2/" + orderId + "/status", null, basic(SERVER_KEY), new byte[0]);
    }

    static SandboxResponse invoices(PaymentSandbox sandbox, String externalId) {
        return sandbox.handle("GET", "/_sandbox/xendit/v2/invoices", "external_id=" + externalId, basic(SECRET_KEY),
                new byte[0]);
    }

    static SandboxResponse pay(PaymentSandbox sandbox, String reference, String outcome, boolean deliver) {
        return sandbox.handle("POST", "/_sandbox/pay/" + reference, null, Map.of("content-type", "application/json"),
                bytes("{\"outcome\":\"" + outcome + "\",\"deliver\":" + deliver + "}"));
    }

    static JsonNode json(SandboxResponse response) {
        return json(response.bodyText());
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to five seconds for the condition; false when it never held. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
