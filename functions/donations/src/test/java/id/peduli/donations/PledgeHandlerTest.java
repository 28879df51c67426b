package id.peduli.donations;

import static id.peduli.core.testing.Requests.json;
import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Payment;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import id.peduli.donations.gateway.Notification;
import id.peduli.donations.gateway.PaymentGateway;
import id.peduli.donations.gateway.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pledge form's rules and its idempotency, with a gateway that only records what it is asked. */
class PledgeHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final List<PaymentGateway.Order> orders = new CopyOnWriteArrayList<>();
    /** What the provider does before it creates a payment: nothing, unless a test says otherwise. */
    private volatile Runnable provider = () -> { };
    private final PaymentGateway gateway = new PaymentGateway() {
        @Override
        public Payment create(Order order) {
            provider.run();
            orders.add(order);
            return new Payment("https://pay.example/" + order.orderId(), "ref-" + orders.size());
        }

        @Override
        public Optional<Payment> existing(String orderId) {
            return Optional.empty();
        }

        @Override
        public Optional<Notification> status(String orderId) {
            return Optional.empty();
        }
    };
    private final PledgeHandler handler = new PledgeHandler(memory.stores(), new Gateways(gateway, gateway),
            "https://peduli.example/", Fixtures.CLOCK);

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private HttpResponse pledge(Appeal appeal, String body, Map<String, String> headers) {
        return handler.respond(request(body, headers, Map.of(), "id", appeal.id()), null);
    }

    private Appeal verified() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        return appeal;
    }

    @Test
    void aPledge_isStored_andPaidAtTheProvider_beforeTheAnswer() {
        Appeal appeal = verified();

        HttpResponse response = pledge(appeal, "{\"amount\":25000,\"provider\":\"xendit\",\"donorName\":\"Rina\"}", Map.of());

        assertThat(response.status()).isEqualTo(201);
        assertThat(json(response).path("payment").path("url").asText()).startsWith("https://pay.example/");
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.amount()).isEqualTo(25_000);
            assertThat(o.finishUrl()).startsWith("https://peduli.example/donasi/");
        });
        assertThat(memory.donations()).singleElement().satisfies(d -> assertThat(d.payment()).isNotNull());
    }

    @Test
    void theFormsRules_areReportedTogether_andNothingIsStored() {
        Appeal appeal = verified();

        HttpResponse response = pledge(appeal, "{\"amount\":5000,\"provider\":\"paypal\",\"email\":\"bukan\"}", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).path("errors")).hasSize(3);
        assertThat(memory.donations()).isEmpty();
        assertThat(orders).isEmpty();
    }

    @Test
    void anAppealNotPublic_isNotFound() {
        Appeal submitted = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(submitted);

        assertThat(pledge(submitted, "{\"amount\":25000,\"provider\":\"xendit\"}", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theSameKeyAgain_getsTheFirstAnswer_andPaysOnce() {
        Appeal appeal = verified();
        String body = "{\"amount\":25000,\"provider\":\"midtrans\"}";

        HttpResponse first = pledge(appeal, body, Map.of("idempotency-key", "k-1"));
        HttpResponse again = pledge(appeal, body, Map.of("idempotency-key", "k-1"));
        HttpResponse other = pledge(appeal, "{\"amount\":30000,\"provider\":\"midtrans\"}", Map.of("idempotency-key", "k-1"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers()).containsEntry("idempotent-replayed", "true");
        assertThat(other.status()).isEqualTo(409);
        assertThat(orders).hasSize(1);
    }

    @Test
    void aProviderOutage_givesUpTheClaim_andTheRetryWithTheKeyPaysOnce() {
        Appeal appeal = verified();
        String body = "{\"amount\":25000,\"provider\":\"midtrans\"}";
        provider = () -> {
            throw new GatewayException.Unavailable("The payment provider could not be reached.");
        };

        HttpResponse first = pledge(appeal, body, Map.of("idempotency-key", "k-outage"));
        String orderId = json(first).path("orderId").asText();
        assertThat(memory.claim(orderId)).isEmpty(); // given up at once, not left to run out
        provider = () -> { };
        HttpResponse retry = pledge(appeal, body, Map.of("idempotency-key", "k-outage"));
        HttpResponse replay = pledge(appeal, body, Map.of("idempotency-key", "k-outage"));

        assertThat(first.status()).isEqualTo(503);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(json(retry).path("orderId").asText()).isEqualTo(orderId);
        assertThat(replay.body()).isEqualTo(retry.body());
        assertThat(orders).hasSize(1);
        assertThat(memory.donations()).singleElement().satisfies(d -> assertThat(d.payment()).isNotNull());
        assertThat(memory.claim(orderId)).isEmpty(); // given up with the payment stored
    }

    @Test
    void aProviderRefusal_is502NamingThePledge_givesUpTheClaim_andChargesNothing() {
        Appeal appeal = verified();
        provider = () -> {
            throw new GatewayException.Refused("Midtrans refused to create the payment.");
        };

        HttpResponse refused = pledge(appeal, "{\"amount\":25000,\"provider\":\"midtrans\"}",
                Map.of("idempotency-key", "k-refused"));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.headers()).doesNotContainKey("retry-after");
        assertThat(json(refused).path("type").asText()).endsWith("/provider-refused");
        assertThat(json(refused).path("detail").asText()).contains("Nothing was charged", "the other provider");
        String orderId = json(refused).path("orderId").asText();
        assertThat(memory.donation(orderId).payment()).isNull();
        assertThat(memory.claim(orderId)).isEmpty();
        assertThat(orders).isEmpty();
    }

    @Test
    void concurrentAttempts_withOneKey_makeOnePayment() throws Exception {
        Appeal appeal = verified();
        String body = "{\"amount\":25000,\"provider\":\"xendit\"}";
        int attempts = 6;
        CountDownLatch inProvider = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        provider = () -> {
            inProvider.countDown();
            try {
                othersDone.await(10, TimeUnit.SECONDS); // the winner holds the claim while the others try
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            Future<HttpResponse> winner = pool.submit(() -> pledge(appeal, body, Map.of("idempotency-key", "k-race")));
            assertThat(inProvider.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<HttpResponse>> others = new ArrayList<>();
            for (int i = 1; i < attempts; i++) {
                others.add(pool.submit(() -> pledge(appeal, body, Map.of("idempotency-key", "k-race"))));
            }
            for (Future<HttpResponse> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS).status()).isEqualTo(409);
            }
            othersDone.countDown();
            assertThat(winner.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }

        assertThat(orders).hasSize(1);
        assertThat(memory.donations()).singleElement().satisfies(d -> assertThat(d.payment()).isNotNull());
        assertThat(pledge(appeal, body, Map.of("idempotency-key", "k-race")).headers())
                .containsEntry("idempotent-replayed", "true");
    }
}
