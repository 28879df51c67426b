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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pledge form's rules and its idempotency, with a gateway that only records what it is asked. */
class PledgeHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final List<PaymentGateway.Order> orders = new ArrayList<>();
    private final PaymentGateway gateway = new PaymentGateway() {
        @Override
        public Payment create(Order order) {
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
}
