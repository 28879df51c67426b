package id.peduli.donations;

import static id.peduli.core.testing.Requests.json;
import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Provider;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Xendit callback mapped to a payment status and applied to its donation, on in-memory stores. */
class XenditWebhookHandlerTest {
    private static final String TOKEN = "callback-token";
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final XenditWebhookHandler handler = new XenditWebhookHandler(memory.stores(), TOKEN, Fixtures.CLOCK);
    private Appeal appeal;
    private Donation donation;

    @BeforeEach
    void pledged() {
        appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        donation = Fixtures.pledge(appeal.id(), 50_000, "Rina", false, null, Provider.XENDIT);
        memory.given(donation);
    }

    private HttpResponse callback(String token, String status, String paid) {
        String body = "{\"id\":\"inv-1\",\"external_id\":\"" + donation.orderId() + "\",\"status\":\"" + status
                + "\",\"paid_amount\":" + paid + "}";
        return handler.respond(request(body, token == null ? Map.of() : Map.of("x-callback-token", token), Map.of()), null);
    }

    @Test
    void paid_creditsTheDonationOnce() {
        HttpResponse first = callback(TOKEN, "PAID", "50000");
        HttpResponse again = callback(TOKEN, "PAID", "50000");

        assertThat(json(first).path("result").asText()).isEqualTo("applied");
        assertThat(json(again).path("result").asText()).isEqualTo("duplicate");
        assertThat(memory.donation(donation.orderId()).status()).isEqualTo(DonationStatus.SETTLED);
        assertThat(memory.ledger(appeal.id())).hasSize(1);
    }

    @Test
    void aCallbackForAMidtransPledge_isAnUnknownOrder_andChangesNothing() {
        Donation midtrans = Fixtures.pledge(appeal.id(), 50_000, "Budi", false, null, Provider.MIDTRANS);
        memory.given(midtrans);
        donation = midtrans;

        assertThat(callback(TOKEN, "PAID", "50000").status()).isEqualTo(404);
        assertThat(memory.donation(midtrans.orderId()).status()).isEqualTo(DonationStatus.PENDING);
        assertThat(memory.ledger(appeal.id())).isEmpty();
    }

    @Test
    void expired_endsThePledge_withoutAnEntry() {
        assertThat(json(callback(TOKEN, "EXPIRED", "50000")).path("result").asText()).isEqualTo("applied");
        assertThat(memory.donation(donation.orderId()).status()).isEqualTo(DonationStatus.EXPIRED);
        assertThat(memory.ledger(appeal.id())).isEmpty();
    }

    @Test
    void anotherAmount_isKeptAsAnAnomaly_andNotCredited() {
        assertThat(callback(TOKEN, "PAID", "49999").status()).isEqualTo(409);
        assertThat(memory.anomalies(appeal.id())).singleElement().satisfies(a -> assertThat(a.paidAmount()).isEqualTo("49999"));
        assertThat(memory.ledger(appeal.id())).isEmpty();
    }

    @Test
    void aWrongToken_isRefusedBeforeAnythingIsRead() {
        assertThat(callback("wrong", "PAID", "50000").status()).isEqualTo(401);
        assertThat(callback(null, "PAID", "50000").status()).isEqualTo(401);
        assertThat(memory.donation(donation.orderId()).status()).isEqualTo(DonationStatus.PENDING);
    }

    @Test
    void anUnknownOrder_isNotFound() {
        String body = "{\"id\":\"inv-1\",\"external_id\":\"peduli-nope\",\"status\":\"PAID\",\"paid_amount\":1}";
        assertThat(handler.respond(request(body, Map.of("x-callback-token", TOKEN), Map.of()), null).status())
                .isEqualTo(404);
    }
}
