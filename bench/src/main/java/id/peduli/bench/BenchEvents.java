package id.peduli.bench;

import id.peduli.local.testkit.Notifications;
import id.peduli.local.testkit.Samples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API Gateway HTTP API (payload 2.0) events as API Gateway sends them, with the headers a browser or a payment
 * gateway sends, and the request bodies the benchmark uses. Generated rather than read from {@code events/} because
 * most of them must name freshly seeded items.
 */
final class BenchEvents {
    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

    private BenchEvents() {}

    /** A request event; {@code claims} non-null for officer routes (what the JWT authorizer passes on). */
    static ObjectNode http(String method, String pathTemplate, String rawPath, Map<String, String> pathParams,
                           Map<String, String> query, String body, Map<String, String> extraHeaders,
                           Map<String, String> claims) {
        long serial = SERIAL.getAndIncrement();
        Instant now = Instant.now();
        String routeKey = method + " " + pathTemplate;
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        StringBuilder rawQuery = new StringBuilder();
        if (query != null) {
            query.forEach((k, v) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(k).append('=').append(v));
        }
        event.put("rawQueryString", rawQuery.toString());
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "application/json");
        if (body != null) {
            headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
            headers.put("content-type", "application/json");
        }
        headers.put("host", "abc123.execute-api.ap-southeast-3.amazonaws.com");
        headers.put("user-agent", BROWSER);
        headers.put("x-amzn-trace-id", String.format("Root=1-%08x-%024x", now.getEpochSecond(), serial));
        headers.put("x-forwarded-for", "198.51.100.23");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        if (extraHeaders != null) {
            extraHeaders.forEach(headers::put);
        }
        if (query != null && !query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (pathParams != null && !pathParams.isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            pathParams.forEach(p::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "123456789012");
        context.put("apiId", "abc123");
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putNull("scopes");
        }
        context.put("domainName", "abc123.execute-api.ap-southeast-3.amazonaws.com");
        context.put("domainPrefix", "abc123");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "198.51.100.23");
        http.put("userAgent", headers.path("user-agent").asText());
        context.put("requestId", "bench-" + serial);
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    static byte[] bytes(ObjectNode event) {
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** The verified claims of an officer of {@code region}, as API Gateway's JWT authorizer passes them. */
    static Map<String, String> officer(String region) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", "officer-" + region);
        claims.put("cognito:groups", "[officer:" + region + "]");
        claims.put("iss", "https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example");
        claims.put("aud", "exampleclientid");
        claims.put("token_use", "id");
        return claims;
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static ObjectNode appealBody(String regionCode, long target) {
        return Samples.appeal(regionCode, target, Samples.nik("64.08.01", Samples.BIRTH, false));
    }

    static ObjectNode submit(String regionCode, long target, String idempotencyKey) {
        return http("POST", "/appeals", "/appeals", null, null, Json.write(appealBody(regionCode, target)),
                idempotencyKey == null ? null : headers("idempotency-key", idempotencyKey), null);
    }

    static ObjectNode verify(String appealId, String region) {
        ObjectNode body = Json.object();
        body.put("decision", "VERIFY");
        body.put("reason", "NIK, domisili dan surat dokter diperiksa");
        ObjectNode checks = body.putObject("checks");
        checks.put("identity", true);
        checks.put("residence", true);
        checks.put("medical", true);
        checks.put("bpjs", true);
        String path = "/admin/appeals/" + appealId + "/decisions";
        return http("POST", "/admin/appeals/{id}/decisions", path, Map.of("id", appealId), null, Json.write(body), null,
                officer(region));
    }

    static ObjectNode pledge(String appealId, long amount, String provider) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("donorName", "Budi");
        body.put("anonymous", false);
        body.put("message", "Semoga lekas sembuh");
        body.put("provider", provider);
        String path = "/appeals/" + appealId + "/donations";
        return http("POST", "/appeals/{id}/donations", path, Map.of("id", appealId), null, Json.write(body), null, null);
    }

    /** A Midtrans settlement notification for a bank transfer, signed with {@code serverKey}. */
    static ObjectNode midtransSettlement(String orderId, long amount, String serverKey) {
        ObjectNode n = Notifications.midtrans(orderId, "settlement", amount + ".00", "accept", serverKey);
        ObjectNode event = http("POST", "/webhooks/midtrans", "/webhooks/midtrans", null, null, Json.write(n), null, null);
        ((ObjectNode) event.get("headers")).put("user-agent", "Veritrans");
        ((ObjectNode) event.get("requestContext").get("http")).put("userAgent", "Veritrans");
        return event;
    }

    /** A Xendit invoice callback saying the invoice was paid in full. */
    static ObjectNode xenditPaid(String orderId, long amount, String token) {
        return http("POST", "/webhooks/xendit", "/webhooks/xendit", null, null,
                Json.write(Notifications.xendit(orderId, "PAID", amount, amount)), headers("x-callback-token", token), null);
    }

    static ObjectNode disbursement(String appealId, String region, long amount, String idempotencyKey) {
        ObjectNode body = Json.object();
        body.put("amount", amount);
        body.put("recipient", "RSUD Kudungga");
        body.put("reference", "INV-RSUD-" + SERIAL.getAndIncrement());
        body.put("note", "Biaya transfusi minggu ini");
        String path = "/admin/appeals/" + appealId + "/disbursements";
        return http("POST", "/admin/appeals/{id}/disbursements", path, Map.of("id", appealId), null, Json.write(body),
                headers("idempotency-key", idempotencyKey), officer(region));
    }

    static ObjectNode get(String pathTemplate, String rawPath, Map<String, String> pathParams, Map<String, String> query,
                          Map<String, String> claims) {
        return http("GET", pathTemplate, rawPath, pathParams, query, null, null, claims);
    }

    static String serial() {
        return Long.toString(SERIAL.getAndIncrement());
    }
}
