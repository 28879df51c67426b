package id.peduli.verification;

import static id.peduli.core.testing.Requests.json;
import static id.peduli.core.testing.Requests.officer;
import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Officers' decisions through the handler, on in-memory stores and a fixed clock: no DynamoDB, no S3. */
class DecideAppealHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final DecideAppealHandler handler = new DecideAppealHandler(memory.stores(), Fixtures.CLOCK);

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private HttpResponse decide(Appeal appeal, String body, String... regions) {
        return handler.respond(request(body, Map.of(), officer("siska", regions), "id", appeal.id()), null);
    }

    @Test
    void verify_makesASubmittedAppealPublic_andKeepsTheLedgerHeadsCopyInStep() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        HttpResponse response = decide(appeal, "{\"decision\":\"VERIFY\",\"checks\":{\"identity\":true}}", "64.74");

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(json(response).path("history").get(0).path("actor").asText()).isEqualTo("siska");
        assertThat(memory.appeal(appeal.id()).verifiedAt()).isEqualTo(Fixtures.NOW);
        assertThat(memory.head(appeal.id()).appealStatus()).isEqualTo(AppealStatus.VERIFIED);
    }

    @Test
    void aMoveTheLifecycleForbids_isAConflict_andChangesNothing() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        HttpResponse response = decide(appeal, "{\"decision\":\"CLOSE\",\"reason\":\"selesai\"}", "64");

        assertThat(response.status()).isEqualTo(409);
        assertThat(memory.appeal(appeal.id())).isEqualTo(appeal);
    }

    @Test
    void anOfficerOfAnotherRegion_isForbidden() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        assertThat(decide(appeal, "{\"decision\":\"VERIFY\"}", "64.08").status()).isEqualTo(403);
    }

    @Test
    void refer_needsAnotherRegency_andARejectionNeedsAReason() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        assertThat(decide(appeal, "{\"decision\":\"REFER\",\"reason\":\"x\",\"toRegionCode\":\"64.74\"}", "64").status())
                .isEqualTo(400);
        assertThat(decide(appeal, "{\"decision\":\"REJECT\"}", "64").status()).isEqualTo(400);
        HttpResponse referred = decide(appeal, "{\"decision\":\"REFER\",\"reason\":\"warga Sangatta\",\"toRegionCode\":\"64.08\"}", "64");
        assertThat(referred.status()).isEqualTo(200);
        assertThat(memory.appeal(appeal.id()).regionCode()).isEqualTo(Fixtures.KUTAI_TIMUR);
    }
}
