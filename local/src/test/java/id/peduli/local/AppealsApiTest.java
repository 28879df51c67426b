package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.LogCapture;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.send;
import static id.peduli.local.testkit.LocalApi.submit;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Appeal submission and the public reads, through the local API against DynamoDB Local.
 * Needs: nothing but the JDK; the local stack starts in memory.
 */
class AppealsApiTest {

    private static final List<String> PUBLIC_FIELDS = List.of("id", "status", "regionCode", "regionName", "patientName",
            "diagnosis", "hospital", "story", "targetAmount", "raisedAmount", "donationCount", "createdAt", "verifiedAt");

    @Test
    void submission_isCreated_withLocationAndOnlyTheContractFields() {
        LocalApi.Response r = post("/appeals", appealBody("64.74"));

        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        LogCapture.secret(body.path("reporterToken").asText(null));
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("id", "status", "regionCode", "createdAt", "reporterToken");
        // at least 128 bits, base64url: the reporter's only credential
        assertThat(body.get("reporterToken").asText()).matches("[A-Za-z0-9_-]{22,}");
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.get("regionCode").asText()).isEqualTo("64.74");
        assertThat(body.get("id").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.header("location")).isEqualTo("/appeals/" + body.get("id").asText());
    }

    @Test
    void submittedAppeal_isHiddenFromThePublic_untilVerified() {
        String id = submit(appealBody("64.74"));

        assertThat(get("/appeals/" + id).status()).isEqualTo(404);
        assertThat(get("/appeals/doesNotExistAtAll000000").status()).isEqualTo(404);
        assertThat(get("/appeals/x").status()).isEqualTo(404);

        LocalApi.decide(token("siska", "officer:64.74"), id, "VERIFY", null, null);
        LocalApi.Response r = get("/appeals/" + id);
        assertThat(r.status()).isEqualTo(200);
        assertThat(fieldNames(r.json())).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);
        assertThat(r.json().get("status").asText()).isEqualTo("VERIFIED");
        assertThat(r.json().get("regionName").asText()).isEqualTo("Kota Bontang");
    }

    @Test
    void rejectedAppeal_staysHidden() {
        String id = submit(appealBody("64.74"));
        LocalApi.decide(token("siska", "officer:64.74"), id, "REJECT", "bukan pasien", null);
        assertThat(get("/appeals/" + id).status()).isEqualTo(404);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("NIK not 16 digits", "/patient/nik", b -> patient(b).put("nik", "64080124092000")),
                rule("NIK with letters", "/patient/nik", b -> patient(b).put("nik", "64080124092A0003")),
                rule("NIK district does not exist", "/patient/nik", b -> patient(b).put("nik", "6499012409200003")),
                rule("NIK date disagrees with birthDate", "/patient/nik", b -> patient(b).put("nik", "6408012509200003")),
                rule("NIK date is no date", "/patient/nik", b -> patient(b).put("nik", "6408013213200003")),
                rule("NIK serial 0000", "/patient/nik", b -> patient(b).put("nik", "6408012409200000")),
                rule("NIK missing", "/patient/nik", b -> patient(b).remove("nik")),
                rule("birthDate not a date", "/patient/birthDate", b -> patient(b).put("birthDate", "2020-13-01")),
                rule("birthDate in the future", "/patient/birthDate", b -> patient(b).put("birthDate", "2999-01-01")),
                rule("patient name too short", "/patient/name", b -> patient(b).put("name", "A")),
                rule("patient name too long", "/patient/name", b -> patient(b).put("name", "x".repeat(101))),
                rule("patient missing", "/patient", b -> b.remove("patient")),
                rule("regionCode is a province", "/regionCode", b -> b.put("regionCode", "64")),
                rule("regionCode does not exist", "/regionCode", b -> b.put("regionCode", "64.99")),
                rule("regionCode is a district", "/regionCode", b -> b.put("regionCode", "64.74.01")),
                rule("targetAmount below minimum", "/targetAmount", b -> b.put("targetAmount", 99_999)),
                rule("targetAmount above maximum", "/targetAmount", b -> b.put("targetAmount", 2_000_000_001L)),
                rule("targetAmount a float", "/targetAmount", b -> b.put("targetAmount", 150000.5)),
                rule("targetAmount a string", "/targetAmount", b -> b.put("targetAmount", "150000")),
                rule("targetAmount beyond 2^63", "/targetAmount", b -> b.put("targetAmount", new java.math.BigInteger("99999999999999999999"))),
                rule("story too long", "/story", b -> b.put("story", "x".repeat(5001))),
                rule("diagnosis missing", "/diagnosis", b -> b.remove("diagnosis")),
                rule("hospital not a string", "/hospital", b -> b.put("hospital", 7)),
                rule("bpjsStatus not in the enum", "/bpjsStatus", b -> b.put("bpjsStatus", "MAYBE")),
                rule("phone without +62 or 08", "/reporter/phone", b -> reporter(b).put("phone", "+6181234567890")),
                rule("phone with too few digits", "/reporter/phone", b -> reporter(b).put("phone", "0812345")),
                rule("phone with too many digits", "/reporter/phone", b -> reporter(b).put("phone", "0812345678901234")),
                rule("reporter name too short", "/reporter/name", b -> reporter(b).put("name", "S")),
                rule("unknown field status", "/status", b -> b.put("status", "VERIFIED")),
                rule("unknown field raisedAmount", "/raisedAmount", b -> b.put("raisedAmount", 1)),
                rule("unknown nested field", "/patient/gender", b -> patient(b).put("gender", "L")),
                rule("unknown reporter field", "/reporter/email", b -> reporter(b).put("email", "a@b.c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachBrokenRule_isRefused_withItsPointer(String name, String pointer, Consumer<ObjectNode> breakIt) {
        ObjectNode body = appealBody("64.74");
        breakIt.accept(body);

        LocalApi.Response r = post("/appeals", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(pointers(r.json())).containsExactly(pointer);
    }

    @Test
    void womenNik_withFortyAddedToTheDay_isAccepted() {
        ObjectNode body = appealBody("64.74");
        LocalDate birth = LocalDate.of(1990, 3, 12);
        patient(body).put("birthDate", birth.toString()).put("nik", LocalApi.nik("64.74.01", birth, true));
        assertThat(post("/appeals", body).status()).isEqualTo(201);
    }

    @Test
    void everyBrokenRule_isItsOwnEntry() {
        ObjectNode body = appealBody("64.74");
        patient(body).put("nik", "6499012509200000"); // bad district, disagreeing date, serial 0000
        body.put("targetAmount", 1);
        body.put("status", "FUNDED");
        reporter(body).put("phone", "12");

        JsonNode problem = post("/appeals", body).json();

        assertThat(pointers(problem)).containsExactlyInAnyOrder("/patient/nik", "/patient/nik", "/patient/nik",
                "/targetAmount", "/status", "/reporter/phone");
    }

    @ParameterizedTest(name = "{0} with {1} bytes")
    @CsvSource({"/appeals, 1100000", "/appeals, 9000000", "/webhooks/midtrans, 1100000", "/webhooks/xendit, 2000000"})
    void bodiesOverOneMegabyte_answer413_neverA5xx(String path, int size) {
        String body = "{\"story\":\"" + "x".repeat(size) + "\"}";

        LocalApi.Response r = send("POST", path, body, "content-type", "application/json",
                "x-callback-token", LocalApi.xenditToken());

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void bodyRules_answer415_413_and400() {
        String valid = Json.write(appealBody("64.74"));
        assertThat(send("POST", "/appeals", valid, "content-type", "text/plain").status()).isEqualTo(415);
        assertThat(send("POST", "/appeals", valid).status()).isEqualTo(415);
        assertThat(send("POST", "/appeals", valid, "content-type", "application/json; charset=utf-8").status()).isEqualTo(201);

        ObjectNode huge = appealBody("64.74");
        huge.put("story", "x".repeat(70 * 1024));
        LocalApi.Response tooLarge = post("/appeals", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("status").asInt()).isEqualTo(413);

        for (String malformed : List.of("{", "{\"a\":1}{", "not json", "{\"story\":\"a\",\"story\":\"b\"}", "")) {
            LocalApi.Response r = send("POST", "/appeals", malformed, "content-type", "application/json");
            assertThat(r.status()).as(malformed).isEqualTo(400);
            assertThat(r.header("content-type")).startsWith("application/problem+json");
        }
        assertThat(send("POST", "/appeals", "[1,2]", "content-type", "application/json").status()).isEqualTo(400);
    }

    @Test
    void idempotentRetry_returnsTheFirstAnswer_andCreatesNothing() {
        String region = "65.04"; // a queue of its own
        ObjectNode body = appealBody(region);
        LocalApi.Response first = post("/appeals", body, "idempotency-key", "retry-1");
        LocalApi.Response again = post("/appeals", body, "idempotency-key", "retry-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        LogCapture.secret(first.json().path("reporterToken").asText(null));
        assertThat(again.json()).isEqualTo(first.json());
        // the replay answers the same reporter token: it is derived from the appeal, not stored with the answer
        assertThat(again.json().get("reporterToken").asText()).isEqualTo(first.json().get("reporterToken").asText());
        assertThat(again.header("location")).isEqualTo(first.header("location"));
        JsonNode queue = get("/admin/appeals?regionCode=" + region, bearer(token("o", "officer:" + region))).json();
        assertThat(queue.get("items")).hasSize(1);

        ObjectNode other = appealBody(region);
        other.put("targetAmount", 30_000_000);
        LocalApi.Response conflict = post("/appeals", other, "idempotency-key", "retry-1");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(post("/appeals", body, "idempotency-key", "x".repeat(65)).status()).isEqualTo(400);
    }

    @Test
    void concurrentRetries_withOneKey_createOneAppeal() throws Exception {
        String region = "65.02";
        ObjectNode body = appealBody(region);
        List<Thread> threads = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            Thread thread = new Thread(() -> {
                LocalApi.Response r = post("/appeals", body, "idempotency-key", "race-1");
                if (r.status() == 201) {
                    ids.add(r.json().get("id").asText());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ids).isNotEmpty();
        assertThat(ids.stream().distinct()).hasSize(1);
        JsonNode queue = get("/admin/appeals?regionCode=" + region, bearer(token("o", "officer:" + region))).json();
        assertThat(queue.get("items")).hasSize(1);
    }

    @Test
    void listing_byProvinceAndRegency_acrossPages_newestVerificationFirst() {
        // Province 12 (Sumatera Utara) is used by no other test.
        List<String> verified = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            verified.add(LocalApi.verifiedAppeal("12.01", 1_000_000));
        }
        for (int i = 0; i < 3; i++) {
            verified.add(LocalApi.verifiedAppeal("12.71", 1_000_000));
        }
        String hidden = submit(appealBody("12.01"));
        List<String> newestFirst = new ArrayList<>(verified);
        java.util.Collections.reverse(newestFirst);

        assertThat(pages("/appeals?regionCode=12&limit=3")).containsExactlyElementsOf(newestFirst);
        assertThat(pages("/appeals?regionCode=12.01&limit=2")).containsExactlyElementsOf(newestFirst.subList(3, 8));
        assertThat(pages("/appeals?regionCode=12.71")).containsExactlyElementsOf(newestFirst.subList(0, 3));
        // a page that ends exactly at the last appeal carries no cursor
        JsonNode first = get("/appeals?regionCode=12&limit=4").json();
        JsonNode second = get("/appeals?regionCode=12&limit=4&cursor=" + first.get("nextCursor").asText()).json();
        assertThat(second.get("items")).hasSize(4);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(pages("/appeals?limit=100")).doesNotContain(hidden).containsAll(verified);
        assertThat(get("/appeals?regionCode=13").json().get("items")).isEmpty();
    }

    @Test
    void tamperedOrForeignCursor_isRefused() {
        for (int i = 0; i < 3; i++) {
            LocalApi.verifiedAppeal("14.01", 1_000_000);
        }
        String cursor = get("/appeals?regionCode=14&limit=1").json().get("nextCursor").asText();
        assertThat(get("/appeals?regionCode=14&limit=1&cursor=" + cursor).status()).isEqualTo(200);

        char[] chars = cursor.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertThat(get("/appeals?regionCode=14&limit=1&cursor=" + new String(chars)).status()).isEqualTo(400);
        assertThat(get("/appeals?regionCode=14.01&limit=1&cursor=" + cursor).status()).isEqualTo(400);
        assertThat(get("/appeals?regionCode=14&cursor=garbage").status()).isEqualTo(400);
        LocalApi.Response r = get("/appeals?regionCode=14&cursor=" + cursor.substring(0, cursor.indexOf('.')) + ".AAAA");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void limitAndRegion_outOfRange_areRefused() {
        for (String q : List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "regionCode=99", "regionCode=6474", "regionCode=64.74.01")) {
            assertThat(get("/appeals?" + q).status()).as(q).isEqualTo(400);
        }
        assertThat(get("/appeals?limit=100").status()).isEqualTo(200);
        assertThat(get("/appeals?limit=1").status()).isEqualTo(200);
    }

    @Test
    void publicAnswers_neverContainPersonalData() {
        ObjectNode body = appealBody("64.72");
        String nik = patient(body).get("nik").asText();
        String id = submit(body);
        LocalApi.decide(token("o", "officer:64.72"), id, "VERIFY", null, null);

        for (String path : List.of("/appeals/" + id, "/appeals?regionCode=64.72", "/appeals?regionCode=64",
                "/appeals/" + id + "/ledger", "/appeals/" + id + "/ledger.csv")) {
            String text = get(path).text();
            assertThat(text).as(path).doesNotContain(nik, "+6281234567890", "Soekarno Hatta", "2020-09-24", "tetangga",
                    "Siska", "nik", "phone", "reporter", "birthDate", "address", "history");
        }
    }

    // ---- helpers

    private static Arguments rule(String name, String pointer, Consumer<ObjectNode> breakIt) {
        return Arguments.of(name, pointer, breakIt);
    }

    private static ObjectNode patient(ObjectNode body) {
        return (ObjectNode) body.get("patient");
    }

    private static ObjectNode reporter(ObjectNode body) {
        return (ObjectNode) body.get("reporter");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static List<String> pointers(JsonNode problem) {
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        return pointers;
    }

    private static List<String> pages(String firstPath) {
        List<String> ids = new ArrayList<>();
        String path = firstPath;
        for (int guard = 0; guard < 100; guard++) {
            LocalApi.Response r = get(path);
            assertThat(r.status()).isEqualTo(200);
            r.json().get("items").forEach(i -> {
                assertThat(fieldNames(i)).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);
                ids.add(i.get("id").asText());
            });
            JsonNode next = r.json().get("nextCursor");
            if (next.isNull()) {
                return ids;
            }
            path = firstPath + "&cursor=" + next.asText();
        }
        throw new AssertionError("too many pages");
    }
}
