package id.peduli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.util.List;

/**
 * The local stack and the seeding helpers of {@link LocalApi}, opened to the browser tests of the web client
 * (package {@code id.peduli.local.web}): they share the one stack of the test JVM and seed through the API exactly as
 * the other tests do, every exchange still held to openapi.yaml.
 */
public final class WebFixtures {
    private WebFixtures() {}

    public static String baseUrl() {
        return LocalApi.stack().baseUrl();
    }

    public static String tableName() {
        return LocalApi.stack().tableName();
    }

    /** An appeal for {@code patientName} submitted in {@code region}; its id. */
    public static String submit(String region, String patientName, long target) {
        ObjectNode body = LocalApi.appealBody(region);
        ((ObjectNode) body.get("patient")).put("name", patientName);
        body.put("targetAmount", target);
        return LocalApi.submit(body);
    }

    /** A report through the API, as a reporter's browser would send it: {id, reporterToken}. */
    public static String[] report(String region, String patientName) {
        ObjectNode body = LocalApi.appealBody(region);
        ((ObjectNode) body.get("patient")).put("name", patientName);
        LocalApi.Reported r = LocalApi.report(body);
        return new String[] {r.id(), r.token()};
    }

    /** A presigned URL the browser was handed: the privacy scan looks for it, and its signature, in the logs. */
    public static String presigned(String url) {
        return LocalApi.presigned(url);
    }

    public static String token(String sub, String... groups) {
        return LocalApi.token(sub, groups);
    }

    /** The decision's status code. */
    public static int decide(String token, String appealId, String decision, String reason, String toRegion) {
        return LocalApi.decide(token, appealId, decision, reason, toRegion).status();
    }

    /** A pledge by "Budi" through Midtrans: the answer (id, orderId, ...). */
    public static JsonNode pledge(String appealId, long amount) {
        return LocalApi.pledge(appealId, amount, "midtrans");
    }

    /** Midtrans's authentic settlement of the order; the webhook's status code. */
    public static int settle(String orderId, long amount) {
        return LocalApi.midtransWebhook(LocalApi.midtrans(orderId, "settlement", amount + ".00", "accept")).status();
    }

    /** A disbursement recorded through the API; its status code. */
    public static int disburse(String token, String appealId, long amount, String recipient, String reference) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("recipient", recipient);
        body.put("reference", reference);
        return LocalApi.post("/admin/appeals/" + appealId + "/disbursements", body, LocalApi.bearer(token)).status();
    }

    public static List<JsonNode> ledger(String appealId) {
        return LocalApi.allLedgerItems(appealId);
    }

    public static JsonNode get(String path) {
        LocalApi.Response r = LocalApi.get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + ": " + r.status());
        }
        return r.json();
    }

    /** Marks a value the logs must never contain (checked by PrivacyLogTest). */
    public static void secret(String value) {
        LogCapture.secret(value);
    }
}
