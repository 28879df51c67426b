package id.peduli.ledger;

import static id.peduli.core.testing.Requests.json;
import static id.peduli.core.testing.Requests.officer;
import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.service.Ledger;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Disbursements and the public ledger through their handlers, on in-memory stores. */
class DisbursementHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final DisbursementHandler disburse = new DisbursementHandler(memory.stores(), Fixtures.CLOCK);
    private final LedgerHandler ledger = new LedgerHandler(memory.stores());
    private Appeal appeal;

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    @BeforeEach
    void donated() {
        appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        var d = Fixtures.pledge(appeal.id(), 100_000, "Rina", false, null);
        memory.given(d);
        new Ledger(memory.stores()).apply(d, DonationStatus.SETTLED, Fixtures.NOW);
    }

    private HttpResponse payOut(long amount, Map<String, String> headers) {
        return disburse.respond(request("{\"amount\":" + amount + ",\"recipient\":\"RSUD Kudungga\",\"reference\":\"TRF-1\"}",
                headers, officer("siska", "64.74"), "id", appeal.id()), null);
    }

    @Test
    void aDisbursement_isAppended_andTheLedgerShowsIt() {
        assertThat(payOut(40_000, Map.of()).status()).isEqualTo(201);

        HttpResponse page = ledger.respond(request(null, Map.of(), Map.of(), "id", appeal.id()), null);
        assertThat(json(page).path("totals").path("balance").asLong()).isEqualTo(60_000);
        assertThat(json(page).path("items")).hasSize(2);
        assertThat(json(page).path("items").get(1).path("recipient").asText()).isEqualTo("RSUD Kudungga");
    }

    @Test
    void overTheBalance_isAConflict() {
        assertThat(payOut(100_001, Map.of()).status()).isEqualTo(409);
        assertThat(memory.ledger(appeal.id())).hasSize(1);
    }

    @Test
    void aRetriedRequest_neverPaysTwice() {
        HttpResponse first = payOut(40_000, Map.of("idempotency-key", "pay-1"));
        HttpResponse again = payOut(40_000, Map.of("idempotency-key", "pay-1"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(memory.ledger(appeal.id())).hasSize(2);
    }
}
