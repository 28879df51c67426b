package id.peduli.local.tools;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Totals;
import id.peduli.core.http.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify-ledger <api-base-url> <appealId>}: fetches a public ledger page by page, recomputes every hash, the
 * chain links, the sequence and the totals, and says exactly where it breaks. Needs nothing but the public API.
 */
public final class LedgerVerifier {
    private LedgerVerifier() {}

    /** Every break found; empty when the ledger verifies. Progress and the verdict go to {@code out}. */
    public static List<String> verify(String base, String appealId, PrintWriter out) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> problems = new ArrayList<>();
        String prev = Totals.GENESIS;
        long expectedSeq = 1;
        long donated = 0;
        long refunded = 0;
        long disbursed = 0;
        long donations = 0;
        JsonNode totals = null;
        String cursor = null;
        do {
            String url = base.replaceAll("/+$", "") + "/appeals/" + URLEncoder.encode(appealId, StandardCharsets.UTF_8)
                    + "/ledger?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404 && cursor == null) {
                out.println("NOT FOUND: no public appeal " + appealId + " at " + base + "; nothing to verify.");
                out.flush();
                return List.of("no public appeal " + appealId);
            }
            if (response.statusCode() != 200) {
                problems.add("GET " + url + " answered " + response.statusCode());
                break;
            }
            JsonNode page = Json.mapper().readTree(response.body());
            totals = page.path("totals");
            for (JsonNode item : page.path("items")) {
                long seq = item.path("seq").asLong();
                if (seq != expectedSeq) {
                    problems.add("seq " + seq + " where " + expectedSeq + " was expected (an entry is missing or out of order)");
                    expectedSeq = seq;
                }
                if (!prev.equals(item.path("prevHash").asText())) {
                    problems.add("seq " + seq + ": prevHash does not match the hash of the entry before it");
                }
                LedgerEntryType type;
                try {
                    type = LedgerEntryType.valueOf(item.path("type").asText());
                } catch (IllegalArgumentException e) {
                    problems.add("seq " + seq + ": unknown type " + item.path("type").asText());
                    type = null;
                }
                long amount = item.path("amount").asLong();
                if (type != null) {
                    if (!expectedHash(item).equals(item.path("hash").asText())) {
                        problems.add("seq " + seq + ": hash does not match its contents (the entry was altered)");
                    }
                    switch (type) {
                        case DONATION -> { donated += amount; donations++; }
                        case REFUND -> refunded += amount;
                        case DISBURSEMENT -> disbursed += amount;
                    }
                }
                prev = item.path("hash").asText();
                expectedSeq++;
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);

        if (totals != null) {
            check(problems, "donated", totals.path("donated").asLong(), donated);
            check(problems, "refunded", totals.path("refunded").asLong(), refunded);
            check(problems, "disbursed", totals.path("disbursed").asLong(), disbursed);
            check(problems, "balance", totals.path("balance").asLong(), donated - refunded - disbursed);
            check(problems, "donationCount", totals.path("donationCount").asLong(), donations);
        }
        if (problems.isEmpty()) {
            out.printf("OK: %d entries, chain intact, head %s, totals match (donated %d, refunded %d, disbursed %d).%n",
                    expectedSeq - 1, prev, donated, refunded, disbursed);
        } else {
            out.println("BROKEN:");
            problems.forEach(p -> out.println("  " + p));
        }
        out.flush();
        return problems;
    }

    /** The hash a published entry's visible fields call for, by the rule of API.md (null for an unknown type). */
    public static String expectedHash(JsonNode item) {
        LedgerEntryType type = LedgerEntryType.valueOf(item.path("type").asText());
        String party = item.path(type == LedgerEntryType.DISBURSEMENT ? "recipient" : "donorName").asText("");
        return LedgerEntry.hash(item.path("prevHash").asText(), item.path("seq").asLong(), type,
                item.path("amount").asLong(), party, item.path("message").asText(""), item.path("reference").asText(""),
                item.path("at").asText());
    }

    private static void check(List<String> problems, String name, long stated, long summed) {
        if (stated != summed) {
            problems.add("totals." + name + " is " + stated + " but the entries add up to " + summed);
        }
    }
}
