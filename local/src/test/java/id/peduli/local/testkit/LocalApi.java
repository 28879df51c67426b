package id.peduli.local.testkit;

import id.peduli.local.LocalStack;
import id.peduli.local.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack as tests meet it: started once per test JVM (DynamoDB Local in memory, the gateway on a free
 * port), and a small HTTP client that speaks to it exactly as an outside client would.
 */
public final class LocalApi {
    private static LocalStack stack;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private LocalApi() {}

    public static synchronized LocalStack stack() {
        if (stack == null) {
            LogCapture.install();
            try {
                stack = LocalStack.start(new LocalStack.Options(Main.findTemplate(), null, 0, false));
            } catch (Exception e) {
                throw new IllegalStateException("local stack did not start", e);
            }
        }
        return stack;
    }

    public record Response(int status, Map<String, List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public static Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack().baseUrl() + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Contract.check(method, path, body, headers, r.statusCode(), r.headers().map(), r.body());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public static Response post(String path, JsonNode body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "content-type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, Json.write(body), all);
    }

    // ---- officers

    public static String token(String sub, String... groups) {
        ObjectNode body = Json.object();
        body.put("sub", sub);
        body.putArray("groups").addAll(java.util.Arrays.stream(groups).map(g -> Json.mapper().getNodeFactory().textNode(g)).toList());
        Response r = post("/_local/token", body);
        if (r.status() != 200) {
            throw new AssertionError("token: " + r.text());
        }
        LogCapture.secret(r.json().get("token").asText());
        return r.json().get("token").asText();
    }

    public static String[] bearer(String token) {
        return new String[] {"authorization", "Bearer " + token};
    }

    // ---- appeals

    /** A valid NIK (see {@link Samples#nik}), one the logs must never show. */
    public static String nik(String district, LocalDate birth, boolean woman) {
        String nik = Samples.nik(district, birth, woman);
        LogCapture.secret(nik);
        return nik;
    }

    /** The sample appeal (see {@link Samples#appeal}) in {@code regionCode}, toward Rp 25,000,000. */
    public static ObjectNode appealBody(String regionCode) {
        return Samples.appeal(regionCode, 25_000_000, nik("64.08.01", Samples.BIRTH, false));
    }

    public static String baseUrl() {
        return stack().baseUrl();
    }

    /** An appeal for {@code patientName} submitted in {@code region} with {@code target}; its id. */
    public static String submit(String region, String patientName, long target) {
        ObjectNode body = appealBody(region);
        ((ObjectNode) body.get("patient")).put("name", patientName);
        body.put("targetAmount", target);
        return submit(body);
    }

    /** A report as a reporter's browser sends it: its id and reporter token. */
    public static Reported report(String region, String patientName) {
        ObjectNode body = appealBody(region);
        ((ObjectNode) body.get("patient")).put("name", patientName);
        return report(body);
    }

    public static String submit(ObjectNode body) {
        return report(body).id();
    }

    /** A submitted appeal's id and the reporter's token, which the privacy scan then looks for in the logs. */
    public record Reported(String id, String token) {
        public String[] header() {
            return new String[] {"x-reporter-token", token};
        }
    }

    public static Reported report(ObjectNode body) {
        Response r = post("/appeals", body);
        if (r.status() != 201) {
            throw new AssertionError("submit: " + r.text());
        }
        String token = r.json().get("reporterToken").asText();
        LogCapture.secret(token);
        return new Reported(r.json().get("id").asText(), token);
    }

    /** A presigned URL handed out by the API: the scan looks for it, and for its signature alone, in the logs. */
    public static String presigned(String url) {
        LogCapture.secret(url);
        java.util.regex.Matcher signature = java.util.regex.Pattern.compile("X-Amz-Signature=([0-9a-f]+)").matcher(url);
        if (signature.find()) {
            LogCapture.secret(signature.group(1));
        }
        return url;
    }

    public static Response decide(String token, String appealId, String decision, String reason, String to) {
        ObjectNode body = Json.object();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (to != null) {
            body.put("toRegionCode", to);
        }
        return post("/admin/appeals/" + appealId + "/decisions", body, bearer(token));
    }

    /** A submitted appeal in {@code region}, verified by an officer of that region; its id. */
    public static String verifiedAppeal(String region, long target) {
        ObjectNode body = appealBody(region);
        body.put("targetAmount", target);
        String id = submit(body);
        Response r = decide(token("officer-" + region, "officer:" + region), id, "VERIFY", null, null);
        if (r.status() != 200) {
            throw new AssertionError("verify: " + r.text());
        }
        return id;
    }

    // ---- donations

    public static JsonNode pledge(String appealId, long amount, String provider) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("donorName", "Budi");
        body.put("message", "Semoga lekas sembuh");
        body.put("provider", provider);
        Response r = post("/appeals/" + appealId + "/donations", body);
        if (r.status() != 201) {
            throw new AssertionError("pledge: " + r.text());
        }
        return r.json();
    }

    /** A pledge by "Budi" through Midtrans: the answer (id, orderId, ...). */
    public static JsonNode pledge(String appealId, long amount) {
        return pledge(appealId, amount, "midtrans");
    }

    /** Midtrans's authentic settlement of the order; the webhook's status code. */
    public static int settle(String orderId, long amount) {
        return midtransWebhook(midtrans(orderId, "settlement", amount + ".00", "accept")).status();
    }

    /** A disbursement recorded through the API; its status code. */
    public static int disburse(String token, String appealId, long amount, String recipient, String reference) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("recipient", recipient);
        body.put("reference", reference);
        return post("/admin/appeals/" + appealId + "/disbursements", body, bearer(token)).status();
    }

    /** The JSON a public GET answers; fails unless it is 200. */
    public static JsonNode getJson(String path) {
        Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + ": " + r.status());
        }
        return r.json();
    }

    public static String midtransKey() {
        return LocalStack.DEVELOPMENT_SECRETS.get("MIDTRANS_SERVER_KEY");
    }

    public static String xenditToken() {
        return LocalStack.DEVELOPMENT_SECRETS.get("XENDIT_CALLBACK_TOKEN");
    }

    public static ObjectNode midtrans(String orderId, String status, String grossAmount, String fraud) {
        ObjectNode n = Notifications.midtrans(orderId, status, grossAmount, fraud, midtransKey());
        LogCapture.secret(n.get("signature_key").asText());
        return n;
    }

    /** The keys and fixed personal data every test uses. */
    public static List<String> secrets() {
        List<String> secrets = new ArrayList<>(LocalStack.DEVELOPMENT_SECRETS.values());
        secrets.add("+6281234567890");
        secrets.add("Jl. Soekarno Hatta, Sangatta");
        return secrets;
    }

    public static Response midtransWebhook(ObjectNode notification) {
        return post("/webhooks/midtrans", notification);
    }

    public static Response xenditWebhook(ObjectNode callback, String token) {
        return post("/webhooks/xendit", callback, "x-callback-token", token);
    }

    public static List<JsonNode> allLedgerItems(String appealId) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Response r = get("/appeals/" + appealId + "/ledger?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            if (r.status() != 200) {
                throw new AssertionError("ledger: " + r.text());
            }
            r.json().get("items").forEach(items::add);
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }
}
