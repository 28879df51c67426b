package id.peduli.donations.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Payment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider clients against a provider played by a tiny HTTP server on loopback that answers whatever the test
 * says: what is a 503 (unreachable, slow, 5xx), what a 502 (refused, unusable, another order or amount), what an
 * order the provider already holds, and what the requests carry. Needs: nothing but the JDK.
 */
class GatewayClientsTest {
    private HttpServer server;
    private String base;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> seen = new ArrayList<>();

    record Answer(int status, String body, long delayMillis) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            synchronized (seen) {
                seen.add(key + " " + exchange.getRequestHeaders().getFirst("authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            Answer a = answers.getOrDefault(key, new Answer(404, "{}", 0));
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GatewayHttp http(Duration timeout) {
        return new GatewayHttp("server-key", timeout);
    }

    private MidtransGateway midtrans() {
        return new MidtransGateway(http(Duration.ofSeconds(2)), base + "/snap/v1", base);
    }

    private XenditGateway xendit() {
        return new XenditGateway(http(Duration.ofSeconds(2)), base);
    }

    private static PaymentGateway.Order order() {
        Instant now = Instant.parse("2026-11-22T10:15:30.123Z");
        return new PaymentGateway.Order("peduli-order-1", "appeal-1", 50_000, "Budi", "budi@example.com", now,
                now.plus(Duration.ofHours(24)), "https://peduli.example/donasi/d1");
    }

    @Test
    void snapCreate_sendsTheOrderWithBasicAuth_andReturnsTheTokenAndPage() {
        answers.put("POST /snap/v1/transactions", new Answer(201,
                "{\"token\":\"tok-1\",\"redirect_url\":\"https://pay.example/tok-1\"}", 0));

        Payment payment = midtrans().create(order());

        assertThat(payment).isEqualTo(new Payment("https://pay.example/tok-1", "tok-1"));
        String request = seen.get(0);
        assertThat(request).startsWith("POST /snap/v1/transactions Basic c2VydmVyLWtleTo=")
                .contains("\"order_id\":\"peduli-order-1\"", "\"gross_amount\":50000", "\"email\":\"budi@example.com\"",
                        "\"finish\":\"https://peduli.example/donasi/d1\"", "\"unit\":\"minute\"", "\"duration\":1440",
                        "\"start_time\":\"2026-11-22 17:15:30 +0700\"");
    }

    @Test
    void snapRefusingATakenOrderId_isOrderExists_andOtherRefusalsAreRefused() {
        answers.put("POST /snap/v1/transactions", new Answer(400,
                "{\"error_messages\":[\"transaction_details.order_id sudah digunakan\"]}", 0));
        assertThatThrownBy(() -> midtrans().create(order())).isInstanceOf(GatewayException.OrderExists.class);

        answers.put("POST /snap/v1/transactions", new Answer(401, "{\"error_messages\":[\"Access denied\"]}", 0));
        assertThatThrownBy(() -> midtrans().create(order())).isInstanceOf(GatewayException.Refused.class);
    }

    @Test
    void unusableAnswers_areRefused_andNeverPayable() {
        for (Answer unusable : List.of(new Answer(201, "<html>oops</html>", 0), new Answer(201, "{\"token\":\"t\"}", 0),
                new Answer(201, "{\"token\":\"t\",\"redirect_url\":\"javascript:alert(1)\"}", 0),
                new Answer(201, "{\"token\":\"t\",\"redirect_url\":\"https://x/" + "a".repeat(1 << 20) + "\"}", 0))) {
            answers.put("POST /snap/v1/transactions", unusable);
            assertThatThrownBy(() -> midtrans().create(order())).as(unusable.body().substring(0, Math.min(20, unusable.body().length())))
                    .isInstanceOf(GatewayException.Refused.class);
        }
    }

    @Test
    void serverErrorsSlownessAndAClosedPort_areUnavailable() throws IOException {
        answers.put("POST /snap/v1/transactions", new Answer(502, "bad gateway", 0));
        assertThatThrownBy(() -> midtrans().create(order())).isInstanceOf(GatewayException.Unavailable.class);

        answers.put("POST /v2/invoices", new Answer(200, "[]", 3_000));
        assertThatThrownBy(() -> new XenditGateway(http(Duration.ofMillis(500)), base).create(order()))
                .isInstanceOf(GatewayException.Unavailable.class);

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new MidtransGateway(http(Duration.ofSeconds(1)), "http://127.0.0.1:" + closed,
                "http://127.0.0.1:" + closed).create(order())).isInstanceOf(GatewayException.Unavailable.class);
    }

    @Test
    void xenditInvoice_ofAnotherOrderOrAmount_isRefused() {
        answers.put("POST /v2/invoices", new Answer(200, "{\"id\":\"inv-1\",\"external_id\":\"peduli-order-1\","
                + "\"amount\":50001,\"invoice_url\":\"https://pay.example/inv-1\"}", 0));
        assertThatThrownBy(() -> xendit().create(order())).isInstanceOf(GatewayException.Refused.class);

        answers.put("POST /v2/invoices", new Answer(200, "{\"id\":\"inv-1\",\"external_id\":\"peduli-other\","
                + "\"amount\":50000,\"invoice_url\":\"https://pay.example/inv-1\"}", 0));
        assertThatThrownBy(() -> xendit().create(order())).isInstanceOf(GatewayException.Refused.class);

        answers.put("POST /v2/invoices", new Answer(200, "{\"id\":\"inv-1\",\"external_id\":\"peduli-order-1\","
                + "\"amount\":50000,\"invoice_url\":\"https://pay.example/inv-1\"}", 0));
        assertThat(xendit().create(order())).isEqualTo(new Payment("https://pay.example/inv-1", "inv-1"));
        assertThat(seen.get(seen.size() - 1)).contains("\"external_id\":\"peduli-order-1\"", "\"currency\":\"IDR\"",
                "\"invoice_duration\":86400", "\"success_redirect_url\":\"https://peduli.example/donasi/d1\"");
    }

    @Test
    void xenditLookup_reusesAPendingInvoice_butNotAnExpiredOne_andReadsThePaidAmount() {
        answers.put("GET /v2/invoices", new Answer(200, "[{\"id\":\"inv-1\",\"external_id\":\"peduli-order-1\","
                + "\"status\":\"PAID\",\"amount\":50000,\"paid_amount\":50000,\"invoice_url\":\"https://pay.example/inv-1\","
                + "\"created\":\"2026-11-22T10:15:31.000Z\"}]", 0));
        assertThat(xendit().existing("peduli-order-1")).contains(new Payment("https://pay.example/inv-1", "inv-1"));
        Notification paid = xendit().status("peduli-order-1").orElseThrow();
        assertThat(paid.status()).isEqualTo(DonationStatus.SETTLED);
        assertThat(paid.paid()).isEqualByComparingTo("50000");

        answers.put("GET /v2/invoices", new Answer(200, "[{\"id\":\"inv-1\",\"external_id\":\"peduli-order-1\","
                + "\"status\":\"EXPIRED\",\"amount\":50000,\"invoice_url\":\"https://pay.example/inv-1\"}]", 0));
        assertThat(xendit().existing("peduli-order-1")).isEmpty();

        answers.put("GET /v2/invoices", new Answer(200, "[]", 0));
        assertThat(xendit().status("peduli-order-1")).isEmpty();

        answers.put("GET /v2/invoices", new Answer(200, "[{\"id\":\"inv-9\",\"external_id\":\"peduli-other\"}]", 0));
        assertThatThrownBy(() -> xendit().status("peduli-order-1")).isInstanceOf(GatewayException.Refused.class);
    }

    @Test
    void midtransStatus_mapsAsTheWebhookDoes_andKnowsAnUnknownOrder() {
        answers.put("GET /v2/peduli-order-1/status", new Answer(200, "{\"status_code\":\"200\",\"order_id\":\"peduli-order-1\","
                + "\"transaction_status\":\"settlement\",\"fraud_status\":\"accept\",\"gross_amount\":\"50000.00\"}", 0));
        Notification n = midtrans().status("peduli-order-1").orElseThrow();
        assertThat(n.status()).isEqualTo(DonationStatus.SETTLED);
        assertThat(n.paidAsSent()).isEqualTo("50000.00");

        answers.put("GET /v2/peduli-order-1/status", new Answer(200,
                "{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}", 0));
        assertThat(midtrans().status("peduli-order-1")).isEmpty();

        answers.put("GET /v2/peduli-order-1/status", new Answer(200, "{\"status_code\":\"200\",\"order_id\":\"peduli-x\","
                + "\"transaction_status\":\"settlement\"}", 0));
        assertThatThrownBy(() -> midtrans().status("peduli-order-1")).isInstanceOf(GatewayException.Refused.class);
        assertThat(MidtransGateway.statusOf("capture", "challenge")).isNull();
        assertThat(MidtransGateway.statusOf("expire", null)).isEqualTo(DonationStatus.EXPIRED);
    }
}
