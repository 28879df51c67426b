package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.decide;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.submit;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Officers: the queue, the officer view, decisions, referral and the province fallback, through the local API
 * against DynamoDB Local. Needs: nothing but the JDK.
 */
class OfficersApiTest {

    @Test
    void bontangReferral_toKutaiTimur_endToEnd() {
        // given: a viral appeal reported in Bontang (64.74) for a baby who lives in Kutai Timur (64.08)
        String bontang = token("siska", "officer:64.74");
        String kutim = token("kutim-1", "officer:64.08");
        String province = token("kaltim", "officer:64");
        String id = submit(appealBody("64.74"));
        assertThat(queueIds(bontang, "64.74")).contains(id);
        assertThat(queueIds(kutim, "64.08")).doesNotContain(id);

        // when: Bontang refers it to Kutai Timur
        LocalApi.Response referred = decide(bontang, id, "REFER", "Pasien warga Kutai Timur", "64.08");

        // then: it leaves Bontang's queue, enters Kutim's, and Bontang has no rights over it any more
        assertThat(referred.status()).isEqualTo(200);
        assertThat(referred.json().get("regionCode").asText()).isEqualTo("64.08");
        assertThat(referred.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(queueIds(bontang, "64.74")).doesNotContain(id);
        assertThat(queueIds(kutim, "64.08")).contains(id);
        assertThat(get("/admin/appeals/" + id, bearer(bontang)).status()).isEqualTo(403);
        assertThat(decide(bontang, id, "VERIFY", null, null).status()).isEqualTo(403);

        // when: Kutai Timur verifies it
        LocalApi.Response verified = decide(kutim, id, "VERIFY", "NIK dan domisili sesuai", null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("status").asText()).isEqualTo("VERIFIED");
        // the answer is built from what the decision read, with the decision applied: it is what a reload shows
        assertThat(verified.json().get("history")).hasSize(2);
        assertThat(verified.json()).isEqualTo(get("/admin/appeals/" + id, bearer(kutim)).json());
        assertThat(get("/appeals/" + id).status()).isEqualTo(200);

        // then: the province's officers, the fallback where a regency has nobody, may act on it too
        assertThat(queueIds(province, "64")).doesNotContain(id); // the province queue shows SUBMITTED by default
        assertThat(get("/admin/appeals?status=VERIFIED&regionCode=64&limit=100", bearer(province)).json().toString()).contains(id);
        LocalApi.Response view = get("/admin/appeals/" + id, bearer(province));
        assertThat(view.status()).isEqualTo(200);
        JsonNode history = view.json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("actor").asText()).isEqualTo("siska");
        assertThat(history.get(0).get("action").asText()).isEqualTo("REFER");
        assertThat(history.get(0).get("fromRegionCode").asText()).isEqualTo("64.74");
        assertThat(history.get(0).get("toRegionCode").asText()).isEqualTo("64.08");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("Pasien warga Kutai Timur");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("kutim-1");
        assertThat(history.get(1).get("action").asText()).isEqualTo("VERIFY");
        assertThat(decide(province, id, "CLOSE", "Pasien sudah pulang", null).status()).isEqualTo(200);
        assertThat(decide(bontang, id, "CLOSE", "x", null).status()).isEqualTo(403);
    }

    @Test
    void officerView_hasIdentityReporterAndDuplicates() {
        ObjectNode first = appealBody("64.71");
        String nik = first.get("patient").get("nik").asText();
        String a = submit(first);
        ObjectNode second = appealBody("64.72");
        ((ObjectNode) second.get("patient")).put("nik", nik);
        String b = submit(second);
        String officer = token("o", "officer:64");

        JsonNode view = get("/admin/appeals/" + a, bearer(officer)).json();

        assertThat(view.get("patient").get("nik").asText()).isEqualTo(nik);
        assertThat(view.get("patient").get("birthDate").asText()).isEqualTo("2020-09-24");
        assertThat(view.get("reporter").get("phone").asText()).isEqualTo("+6281234567890");
        assertThat(view.get("bpjsStatus").asText()).isEqualTo("NONE");
        assertThat(view.get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(b);
        assertThat(view.get("anomalies")).isEmpty();
        assertThat(view.get("history")).isEmpty();

        decide(officer, b, "REJECT", "duplikat", null);
        assertThat(get("/admin/appeals/" + a, bearer(officer)).json().get("possibleDuplicates")).isEmpty();
    }

    @Test
    void verification_recordsTheChecksMade() {
        String id = submit(appealBody("64.02"));
        ObjectNode body = Json.object();
        body.put("decision", "VERIFY");
        body.putObject("checks").put("identity", true).put("residence", true).put("medical", false);

        JsonNode view = post("/admin/appeals/" + id + "/decisions", body, bearer(token("o", "officer:64.02"))).json();

        assertThat(view.get("verificationChecks").get("identity").asBoolean()).isTrue();
        assertThat(view.get("verificationChecks").get("residence").asBoolean()).isTrue();
        assertThat(view.get("verificationChecks").get("medical").asBoolean()).isFalse();
        assertThat(view.get("verificationChecks").get("bpjs").asBoolean()).isFalse();
    }

    @Test
    void queue_isOldestFirst_paginated_andCoversTheProvince() {
        // Province 15 (Jambi) is used by no other test.
        List<String> ids = new ArrayList<>();
        for (String region : List.of("15.01", "15.71", "15.01", "15.02", "15.71")) {
            ids.add(submit(appealBody(region)));
        }
        String province = token("jambi", "officer:15");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/admin/appeals?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), bearer(province)).json();
            page.get("items").forEach(i -> seen.add(i.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(ids);
        // a page that ends exactly at the last appeal carries no cursor; one short of it does
        JsonNode exact = get("/admin/appeals?limit=5", bearer(province)).json();
        assertThat(exact.get("items")).hasSize(5);
        assertThat(exact.get("nextCursor").isNull()).isTrue();
        JsonNode shortOfIt = get("/admin/appeals?limit=4", bearer(province)).json();
        assertThat(shortOfIt.get("items")).hasSize(4);
        JsonNode rest = get("/admin/appeals?limit=4&cursor=" + shortOfIt.get("nextCursor").asText(), bearer(province)).json();
        assertThat(rest.get("items")).extracting(i -> i.get("id").asText()).containsExactly(ids.get(4));
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(queueIds(province, "15.01")).containsExactly(ids.get(0), ids.get(2));
        assertThat(queueIds(token("o", "officer:15.71"), null)).containsExactly(ids.get(1), ids.get(4));
        assertThat(get("/admin/appeals?regionCode=15", bearer(token("o", "officer:15.71"))).status()).isEqualTo(403);
        assertThat(get("/admin/appeals?regionCode=16.01", bearer(province)).status()).isEqualTo(403);
        assertThat(get("/admin/appeals?status=PAID", bearer(province)).status()).isEqualTo(400);
        assertThat(get("/admin/appeals", bearer(token("o", "officer:15", "officer:15.01"))).status()).isEqualTo(200);
        assertThat(get("/admin/appeals", bearer(token("nobody"))).status()).isEqualTo(403);
    }

    @Test
    void everyIllegalTransition_isAConflict() {
        String officer = token("o", "officer:64.03");
        String verified = LocalApi.verifiedAppeal("64.03", 1_000_000);
        String rejected = submit(appealBody("64.03"));
        decide(officer, rejected, "REJECT", "bukan warga", null);
        String closed = LocalApi.verifiedAppeal("64.03", 1_000_000);
        decide(officer, closed, "CLOSE", "selesai", null);
        String submitted = submit(appealBody("64.03"));

        record Move(String id, String decision, String to) {}
        List<Move> illegal = List.of(
                new Move(verified, "VERIFY", null), new Move(verified, "REJECT", null), new Move(verified, "REFER", "64.08"),
                new Move(rejected, "VERIFY", null), new Move(rejected, "REJECT", null), new Move(rejected, "REFER", "64.08"),
                new Move(rejected, "CLOSE", null),
                new Move(closed, "VERIFY", null), new Move(closed, "REJECT", null), new Move(closed, "REFER", "64.08"),
                new Move(closed, "CLOSE", null),
                new Move(submitted, "CLOSE", null));
        for (Move m : illegal) {
            LocalApi.Response r = decide(officer, m.id(), m.decision(), "alasan", m.to());
            assertThat(r.status()).as(m.decision() + " on " + m.id()).isEqualTo(409);
            assertThat(r.header("content-type")).startsWith("application/problem+json");
        }
    }

    @Test
    void decisions_withMissingOrBadFields_areRefused() {
        String officer = token("o", "officer:64.03");
        String id = submit(appealBody("64.03"));
        assertThat(pointers(decide(officer, id, "REJECT", null, null))).containsExactly("/reason");
        assertThat(pointers(decide(officer, id, "REFER", "x", null))).containsExactly("/toRegionCode");
        assertThat(pointers(decide(officer, id, "REFER", "x", "64.99"))).containsExactly("/toRegionCode");
        assertThat(pointers(decide(officer, id, "REFER", "x", "64"))).containsExactly("/toRegionCode");
        assertThat(pointers(decide(officer, id, "REFER", "x", "64.03"))).containsExactly("/toRegionCode");
        assertThat(pointers(decide(officer, id, "APPROVE", "x", null))).containsExactly("/decision");
        ObjectNode extra = Json.object().put("decision", "VERIFY").put("status", "FUNDED");
        assertThat(pointers(post("/admin/appeals/" + id + "/decisions", extra, bearer(officer)))).containsExactly("/status");
        assertThat(get("/admin/appeals/" + id, bearer(officer)).json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void eightConcurrentConflictingDecisions_haveExactlyOneWinner() throws Exception {
        String id = submit(appealBody("64.09"));
        String[] decisions = {"VERIFY", "REJECT", "VERIFY", "REJECT", "VERIFY", "REJECT", "VERIFY", "REJECT"};
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < decisions.length; i++) {
            String decision = decisions[i];
            String officer = token("officer-" + i, i % 2 == 0 ? "officer:64.09" : "officer:64");
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                statuses.add(decide(officer, id, decision, "alasan", decision.equals("REFER") ? "64.08" : null).status());
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(statuses).hasSize(8);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        JsonNode view = get("/admin/appeals/" + id, bearer(token("p", "officer:64"))).json();
        assertThat(view.get("history")).hasSize(1);
    }

    @Test
    void officerOfSeveralRegions_getsOneQueue_oldestFirst_acrossPages() {
        // Provinces 17 (Bengkulu) and 18 (Lampung) are used by no other test.
        List<String> ids = new ArrayList<>();
        for (String region : List.of("17.01", "18.01", "17.02", "18.71", "17.01", "18.01")) {
            ids.add(submit(appealBody(region)));
        }
        List<String> inScope = List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(5)); // not 17.02
        String officer = token("two-regions", "officer:17.01", "officer:18");

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/admin/appeals?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), bearer(officer)).json();
            page.get("items").forEach(i -> seen.add(i.get("id").asText()));
            sizes.add(page.get("items").size());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(inScope);
        assertThat(sizes).containsExactly(2, 2, 1);
        JsonNode exact = get("/admin/appeals?limit=5", bearer(officer)).json();
        assertThat(exact.get("items")).hasSize(5);
        assertThat(exact.get("nextCursor").isNull()).isTrue();
        assertThat(queueIds(officer, "18")).containsExactly(ids.get(1), ids.get(3), ids.get(5));
        assertThat(queueIds(officer, "17.01")).containsExactly(ids.get(0), ids.get(4));
        assertThat(get("/admin/appeals?regionCode=17.02", bearer(officer)).status()).isEqualTo(403);
        // a cursor belongs to the regions it was made for
        String first = get("/admin/appeals?limit=2", bearer(officer)).json().get("nextCursor").asText();
        assertThat(get("/admin/appeals?limit=2&cursor=" + first, bearer(token("o", "officer:18"))).status()).isEqualTo(400);
        assertThat(get("/admin/appeals?limit=2&cursor=" + first, bearer(token("o", "officer:18", "officer:17.01"))).status())
                .isEqualTo(200);
    }

    static List<String> queueIds(String token, String region) {
        JsonNode page = get("/admin/appeals?limit=100" + (region == null ? "" : "&regionCode=" + region), bearer(token)).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static List<String> pointers(LocalApi.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return AppealsApiTest.pointers(r.json());
    }
}
