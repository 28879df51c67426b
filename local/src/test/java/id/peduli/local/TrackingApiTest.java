package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.LogCapture;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The reporter's tracking link: the token the submission answers, what the tracking view shows of decisions and
 * documents, and what it never shows. Needs: nothing but the JDK; the local stack starts in memory.
 */
class TrackingApiTest {

    @Test
    void referralAndVerification_showTheNewRegionAndTheReferralReason_butNoOfficer() {
        // given: an appeal reported in Mataram (52.71) for a patient who lives in Lombok Timur (52.03)
        LocalApi.Reported appeal = LocalApi.report(appealBody("52.71"));
        JsonNode before = tracking(appeal);
        assertThat(before.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(before.get("regionCode").asText()).isEqualTo("52.71");
        assertThat(before.get("events")).isEmpty();
        assertThat(before.get("documents")).isEmpty();

        // when: Mataram refers it, and Lombok Timur verifies it with a note
        String mataram = token("mataram-officer", "officer:52.71");
        String lotim = token("lotim-officer", "officer:52.03");
        assertThat(LocalApi.decide(mataram, appeal.id(), "REFER", "Pasien warga Lombok Timur", "52.03").status()).isEqualTo(200);
        assertThat(LocalApi.decide(lotim, appeal.id(), "VERIFY", "catatan internal petugas", null).status()).isEqualTo(200);

        // then: two events, oldest first; REFER names the new region and its reason; VERIFY shows no reason
        JsonNode after = tracking(appeal);
        assertThat(after.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(after.get("regionCode").asText()).isEqualTo("52.03");
        assertThat(after.get("regionName").asText()).isEqualTo("Kabupaten Lombok Timur");
        JsonNode refer = after.get("events").get(0);
        assertThat(refer.get("action").asText()).isEqualTo("REFER");
        assertThat(refer.get("regionCode").asText()).isEqualTo("52.03");
        assertThat(refer.get("regionName").asText()).isEqualTo("Kabupaten Lombok Timur");
        assertThat(refer.get("reason").asText()).isEqualTo("Pasien warga Lombok Timur");
        JsonNode verify = after.get("events").get(1);
        assertThat(verify.get("action").asText()).isEqualTo("VERIFY");
        assertThat(verify.get("regionCode").asText()).isEqualTo("52.03");
        assertThat(verify.get("reason").isNull()).isTrue();
        assertThat(after.get("events")).hasSize(2);
        assertThat(after.toString()).doesNotContain("mataram-officer", "lotim-officer", "actor", "catatan internal",
                "nik", "phone", "+6281234567890");
    }

    @Test
    void rejection_showsItsReason_andDocumentsAppearWithoutWhoAddedThem() {
        LocalApi.Reported appeal = LocalApi.report(appealBody("52.72"));
        DocumentsApiTest.announce(appeal, "KTP", "image/jpeg", 1000);
        String officer = token("bima-officer", "officer:52.72");
        assertThat(LocalApi.decide(officer, appeal.id(), "REJECT", "Data tidak lengkap", null).status()).isEqualTo(200);

        JsonNode view = tracking(appeal);

        assertThat(view.get("status").asText()).isEqualTo("REJECTED");
        assertThat(view.get("events").get(0).get("reason").asText()).isEqualTo("Data tidak lengkap");
        JsonNode document = view.get("documents").get(0);
        assertThat(AppealsApiTest.fieldNames(document)).containsExactlyInAnyOrder("id", "kind", "status", "createdAt");
        assertThat(document.get("status").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(view.toString()).doesNotContain("bima-officer", "REPORTER", "url");
    }

    @Test
    void idempotentReplay_answersTheSameToken_whichStillWorks() {
        ObjectNode body = appealBody("52.01");
        LocalApi.Response first = post("/appeals", body, "idempotency-key", "tracking-replay-1");
        LocalApi.Response again = post("/appeals", body, "idempotency-key", "tracking-replay-1");
        String token = first.json().get("reporterToken").asText();
        LogCapture.secret(token);

        assertThat(again.json().get("reporterToken").asText()).isEqualTo(token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        LocalApi.Reported replayed = new LocalApi.Reported(again.json().get("id").asText(), token);
        assertThat(tracking(replayed).get("id").asText()).isEqualTo(first.json().get("id").asText());
        // another appeal's token differs
        assertThat(LocalApi.report(appealBody("52.01")).token()).isNotEqualTo(token);
    }

    private static JsonNode tracking(LocalApi.Reported appeal) {
        LocalApi.Response r = get("/appeals/" + appeal.id() + "/tracking", appeal.header());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
