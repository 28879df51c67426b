package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.tools.LedgerVerifier;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.midtrans;
import static id.peduli.local.testkit.LocalApi.midtransWebhook;
import static id.peduli.local.testkit.LocalApi.pledge;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Totals;
import id.peduli.core.http.Json;
import id.peduli.core.service.Ledger;
import id.peduli.core.service.Pledges;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.dynamodb.Keys;
import java.io.StringReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The public ledger: the hash chain over donations, refunds and disbursements, the verifier catching edits made
 * behind the API's back, pagination and CSV over thousands of entries, and disbursements.
 * Needs: nothing but the JDK.
 */
class LedgerApiTest {
    private static final String REGION = "64.01";
    private static String officer;

    @BeforeAll
    static void officer() {
        officer = token("paser", "officer:" + REGION);
    }

    /** What the verifier finds wrong with an appeal's public ledger (empty: it verifies). */
    static List<String> verify(String appealId) throws Exception {
        return LedgerVerifier.verify(LocalApi.stack().baseUrl(), appealId, new PrintWriter(new StringWriter()));
    }

    @Test
    void chain_overDonationsRefundsAndDisbursements_recomputes() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        JsonNode a = pledge(appeal, 100_000, "midtrans");
        JsonNode b = pledge(appeal, 50_000, "midtrans");
        settle(a);
        settle(b);
        midtransWebhook(midtrans(b.get("orderId").asText(), "refund", "50000.00", null));
        LocalApi.Response paid = disburse(appeal, 70_000, null);
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.json().get("type").asText()).isEqualTo("DISBURSEMENT");
        assertThat(paid.json().get("recipient").asText()).isEqualTo("RSUD Panglima Sebaya");
        assertThat(paid.json().has("donorName")).isFalse();

        JsonNode ledger = get("/appeals/" + appeal + "/ledger").json();
        List<JsonNode> items = new ArrayList<>();
        ledger.get("items").forEach(items::add);
        assertThat(items).extracting(i -> i.get("type").asText()).containsExactly("DONATION", "DONATION", "REFUND", "DISBURSEMENT");
        assertThat(items).extracting(i -> i.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(items.get(0).get("prevHash").asText()).isEqualTo(Totals.GENESIS);
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("prevHash").asText()).isEqualTo(items.get(i - 1).get("hash").asText());
        }
        JsonNode totals = ledger.get("totals");
        assertThat(totals.get("donated").asLong()).isEqualTo(150_000);
        assertThat(totals.get("refunded").asLong()).isEqualTo(50_000);
        assertThat(totals.get("disbursed").asLong()).isEqualTo(70_000);
        assertThat(totals.get("balance").asLong()).isEqualTo(30_000);
        assertThat(totals.get("donationCount").asLong()).isEqualTo(2);
        assertThat(verify(appeal)).isEmpty();

        JsonNode receipt = get("/donations/" + a.get("id").asText()).json();
        assertThat(receipt.get("ledgerSeq").asLong()).isEqualTo(1);
        assertThat(receipt.get("ledgerHash").asText()).isEqualTo(items.get(0).get("hash").asText());
    }

    @Test
    void anonymousAndNamelessDonors_showAsAnonim() {
        String appeal = LocalApi.verifiedAppeal(REGION, 10_000_000);
        ObjectNode anonymous = PaymentsApiTest.body(10_000, "midtrans").put("anonymous", true).put("donorName", "Budi Santoso");
        ObjectNode nameless = Json.object().put("amount", 11_000).put("provider", "midtrans");
        settle(post("/appeals/" + appeal + "/donations", anonymous).json());
        settle(post("/appeals/" + appeal + "/donations", nameless).json());

        String text = get("/appeals/" + appeal + "/ledger").text();
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("items"))
                .extracting(i -> i.get("donorName").asText()).containsExactly("Anonim", "Anonim");
        assertThat(text).doesNotContain("Budi Santoso");
        assertThat(get("/appeals/" + appeal + "/ledger.csv").text()).doesNotContain("Budi Santoso");
    }

    @Test
    void verifier_detectsAlteredAmount_reorderedEntries_andDeletion() throws Exception {
        DynamoDbClient dynamo = client();
        String table = LocalApi.stack().tableName();

        String altered = appealWithDonations(3);
        dynamo.updateItem(u -> u.tableName(table).key(ledgerKey(altered, 2))
                .updateExpression("SET amount = :a").expressionAttributeValues(Map.of(":a", AttributeValue.fromN("1"))));
        assertThat(verify(altered)).anyMatch(p -> p.startsWith("seq 2: hash does not match"))
                .anyMatch(p -> p.startsWith("totals.donated"));

        String reordered = appealWithDonations(3);
        Map<String, AttributeValue> second = dynamo.getItem(g -> g.tableName(table).key(ledgerKey(reordered, 2))).item();
        Map<String, AttributeValue> third = dynamo.getItem(g -> g.tableName(table).key(ledgerKey(reordered, 3))).item();
        dynamo.putItem(p -> p.tableName(table).item(withSk(third, ledgerKey(reordered, 2))));
        dynamo.putItem(p -> p.tableName(table).item(withSk(second, ledgerKey(reordered, 3))));
        assertThat(verify(reordered)).anyMatch(p -> p.contains("seq 3 where 2 was expected"));

        String deleted = appealWithDonations(3);
        dynamo.deleteItem(d -> d.tableName(table).key(ledgerKey(deleted, 2)));
        assertThat(verify(deleted)).anyMatch(p -> p.contains("seq 3 where 2 was expected"))
                .anyMatch(p -> p.startsWith("seq 3: prevHash does not match"));

        String rewritten = appealWithDonations(2);
        dynamo.updateItem(u -> u.tableName(table).key(ledgerKey(rewritten, 1))
                .updateExpression("SET #r = :r").expressionAttributeNames(Map.of("#r", "reference"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("peduli-someoneElse"))));
        assertThat(verify(rewritten)).anyMatch(p -> p.startsWith("seq 1: hash does not match"));
    }

    /** An appeal whose ledger is a named donation with a message (seq 1) and a disbursement with a note (seq 2). */
    private static String appealWithDonationAndDisbursement() {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        settle(pledge(appeal, 100_000, "midtrans"));
        assertThat(disburse(appeal, 40_000, null).status()).isEqualTo(201);
        return appeal;
    }

    @ParameterizedTest(name = "seq {0}: {1} edited")
    @CsvSource({
            "1, amount, N, 100001",
            "1, donorName, S, Budi Santoso",
            "1, message, S, Semoga cepat sembuh",
            "1, reference, S, peduli-someoneElse",
            "1, at, S, 2020-01-01T00:00:00.000Z",
            "2, recipient, S, Rekening pribadi",
            "2, message, S, Biaya lain",
            "2, reference, S, BRI-999",
            "2, amount, N, 1"})
    void verifier_findsTheChainBroken_whenAnyVisibleFieldIsEditedInStorage(long seq, String attribute, String kind,
                                                                          String value) throws Exception {
        String appeal = appealWithDonationAndDisbursement();
        assertThat(verify(appeal)).isEmpty();

        client().updateItem(u -> u.tableName(LocalApi.stack().tableName()).key(ledgerKey(appeal, seq))
                .updateExpression("SET #f = :v").expressionAttributeNames(Map.of("#f", attribute))
                .expressionAttributeValues(Map.of(":v", kind.equals("N") ? AttributeValue.fromN(value) : AttributeValue.fromS(value))));

        assertThat(get("/appeals/" + appeal + "/ledger").text()).contains(value);
        assertThat(verify(appeal)).anyMatch(p -> p.startsWith("seq " + seq + ": hash does not match"));
    }

    @Test
    void csv_quotesAsRfc4180_andDefusesFormulas_withAMessageColumn() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        ObjectNode formula = PaymentsApiTest.body(10_000, "midtrans").put("donorName", "=HYPERLINK(\"http://x\")")
                .put("message", "Semoga, \"cepat\"\nsembuh");
        settle(post("/appeals/" + appeal + "/donations", formula).json());
        ObjectNode payout = Json.object().put("amount", 5_000).put("recipient", "@RSUD, Sangatta")
                .put("reference", "-TRF-1").put("note", "+biaya\trawat");
        assertThat(post("/admin/appeals/" + appeal + "/disbursements", payout, bearer(officer)).status()).isEqualTo(201);

        String csv = get("/appeals/" + appeal + "/ledger.csv").text();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();

        assertThat(rows.get(0).values()).containsExactly("seq", "type", "amount", "donorName", "recipient", "message",
                "reference", "at", "prevHash", "hash");
        assertThat(rows.get(1).values()).startsWith("1", "DONATION", "10000", "'=HYPERLINK(\"http://x\")", "",
                "Semoga, \"cepat\"\nsembuh");
        assertThat(rows.get(2).values()).startsWith("2", "DISBURSEMENT", "5000", "", "'@RSUD, Sangatta", "'+biaya\trawat",
                "'-TRF-1");
        List<JsonNode> items = LocalApi.allLedgerItems(appeal);
        assertThat(rows.get(2).get(9)).isEqualTo(items.get(1).get("hash").asText());
        assertThat(items.get(0).get("donorName").asText()).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(verify(appeal)).isEmpty();
    }

    @Test
    void csv_holdsEveryEntry_whenAThousandEntriesPassDynamoDbsOneMegabytePage() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        settle(pledge(appeal, 100_000_000, "midtrans"));
        Stores stores = Wiring.on(new Dynamo(client(), LocalApi.stack().tableName()));
        String recipient = "Rumah Sakit Umum Daerah Kudungga ".repeat(7).substring(0, 200).replace('a', 'á');
        String note = "Biaya perawatan intensif, transfusi dan obat ".repeat(12).substring(0, 500).replace('a', 'á');
        int payouts = 700; // about 1.5 KB an item: the first 1,000-entry query stops at 1 MB, well short of 1,000
        for (int i = 0; i < payouts; i++) {
            new Ledger(stores).disburse(appeal, Rupiah.of(1), recipient, "TRF-" + i, note, "paser", Instant.now(), e -> null);
        }

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(get("/appeals/" + appeal + "/ledger.csv").text()))
                .getRecords();

        assertThat(rows).hasSize(1 + 1 + payouts);
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo(Integer.toString(1 + payouts));
        assertThat(rows.get(rows.size() - 1).get(4)).isEqualTo(recipient);
        assertThat(verify(appeal)).isEmpty();
    }

    @Test
    void thousandsOfEntries_paginateWithoutGaps_andExportAsCsv() throws Exception {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        int n = 2_300;
        Stores stores = Wiring.on(new Dynamo(client(), LocalApi.stack().tableName()));
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Donation d = Donation.pledged(Ids.newId(), "peduli-" + Ids.newId(), appeal, Rupiah.of(10_000 + i),
                    i % 3 == 0 ? null : "Donor " + i, i % 5 == 0, null, Provider.MIDTRANS, null, now,
                    now.plusSeconds(86_400));
            new Pledges(stores).store(d, null);
            new Ledger(stores).apply(d, DonationStatus.SETTLED, now);
        }

        List<JsonNode> items = LocalApi.allLedgerItems(appeal);
        assertThat(items).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(items.get(i).get("seq").asLong()).isEqualTo(i + 1);
        }
        assertThat(verify(appeal)).isEmpty();

        LocalApi.Response csv = get("/appeals/" + appeal + "/ledger.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,type,amount,donorName,recipient,message,reference,at,prevHash,hash");
        assertThat(lines).hasSize(n + 1);
        String[] last = lines[n].split(",");
        assertThat(last[0]).isEqualTo(Integer.toString(n));
        assertThat(last[9]).isEqualTo(items.get(n - 1).get("hash").asText());
        assertThat(lines[1].split(",")[3]).isEqualTo("Anonim");
    }

    @Test
    void ledgerPaging_refusesTamperedAndForeignCursors() {
        String appeal = appealWithDonations(3);
        String other = appealWithDonations(3);
        String cursor = get("/appeals/" + appeal + "/ledger?limit=1").json().get("nextCursor").asText();
        assertThat(get("/appeals/" + appeal + "/ledger?limit=1&cursor=" + cursor).json().get("items").get(0).get("seq").asLong()).isEqualTo(2);
        assertThat(get("/appeals/" + other + "/ledger?limit=1&cursor=" + cursor).status()).isEqualTo(400);
        assertThat(get("/appeals/" + appeal + "/ledger?limit=1&cursor=" + cursor.replace('A', 'B').replace('e', 'f')).status()).isEqualTo(400);
        assertThat(get("/appeals/" + appeal + "/ledger?limit=0").status()).isEqualTo(400);
        String submitted = LocalApi.submit(LocalApi.appealBody(REGION));
        assertThat(get("/appeals/" + submitted + "/ledger").status()).isEqualTo(404);
        assertThat(get("/appeals/" + submitted + "/ledger.csv").status()).isEqualTo(404);
    }

    @Test
    void disbursements_overBalanceReplayedAndClosed_areRefused() throws Exception {
        String appeal = appealWithDonations(2); // 10,000 + 11,000
        assertThat(disburse(appeal, 21_001, null).status()).isEqualTo(409);

        LocalApi.Response first = disburse(appeal, 15_000, "pay-1");
        LocalApi.Response replay = disburse(appeal, 15_000, "pay-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(disburse(appeal, 1_000, "pay-1").status()).isEqualTo(409);
        assertThat(disburse(appeal, 6_001, null).status()).isEqualTo(409);
        assertThat(disburse(appeal, 6_000, null).status()).isEqualTo(201);

        JsonNode totals = get("/appeals/" + appeal + "/ledger").json().get("totals");
        assertThat(totals.get("disbursed").asLong()).isEqualTo(21_000);
        assertThat(totals.get("balance").asLong()).isEqualTo(0);
        assertThat(verify(appeal)).isEmpty();

        ObjectNode bad = Json.object().put("amount", 0).put("recipient", "R").put("reference", "");
        assertThat(AppealsApiTest.pointers(post("/admin/appeals/" + appeal + "/disbursements", bad, bearer(officer)).json()))
                .containsExactlyInAnyOrder("/amount", "/recipient", "/reference");

        LocalApi.decide(officer, appeal, "CLOSE", "selesai", null);
        assertThat(disburse(appeal, 1, null).status()).isEqualTo(409);
    }

    @Test
    void concurrentDisbursements_neverOverdraw() throws Exception {
        String appeal = appealWithDonations(3); // 10,000 + 11,000 + 12,000 = 33,000
        List<Integer> statuses = PaymentsApiTest.concurrently(8, () -> disburse(appeal, 10_000, null).status());

        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(5);
        assertThat(get("/appeals/" + appeal + "/ledger").json().get("totals").get("balance").asLong()).isEqualTo(3_000);
        assertThat(verify(appeal)).isEmpty();
    }

    // ---- helpers

    private static void settle(JsonNode pledge) {
        long amount = pledge.get("amount").asLong();
        LocalApi.Response r = midtransWebhook(midtrans(pledge.get("orderId").asText(), "settlement", amount + ".00", "accept"));
        assertThat(r.json().get("result").asText()).isEqualTo("applied");
    }

    private static String appealWithDonations(int count) {
        String appeal = LocalApi.verifiedAppeal(REGION, 2_000_000_000);
        for (int i = 0; i < count; i++) {
            settle(pledge(appeal, 10_000 + 1_000L * i, "midtrans"));
        }
        return appeal;
    }

    private static LocalApi.Response disburse(String appeal, long amount, String key) {
        ObjectNode body = Json.object().put("amount", amount).put("recipient", "RSUD Panglima Sebaya")
                .put("reference", "BRI-" + amount).put("note", "Biaya perawatan");
        String[] auth = bearer(officer);
        return key == null ? post("/admin/appeals/" + appeal + "/disbursements", body, auth)
                : post("/admin/appeals/" + appeal + "/disbursements", body, auth[0], auth[1], "idempotency-key", key);
    }

    private static DynamoDbClient client() {
        LocalApi.stack();
        return Dynamo.newClient();
    }

    private static Map<String, AttributeValue> ledgerKey(String appeal, long seq) {
        return Keys.ledger(appeal, seq);
    }

    private static Map<String, AttributeValue> withSk(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> copy = new java.util.HashMap<>(item);
        copy.putAll(key);
        return copy;
    }
}
