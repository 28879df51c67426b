package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import id.peduli.core.http.Problems;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local payment sandbox: plays the Midtrans (Snap and Core API) and Xendit (invoices) sandboxes on loopback so a
 * donation can be paid on one laptop. The product's functions reach it only through their configured base URLs
 * ({@code MIDTRANS_SNAP_URL} = {@code {base}/_sandbox/midtrans/snap/v1}, {@code MIDTRANS_API_URL} =
 * {@code {base}/_sandbox/midtrans}, {@code XENDIT_API_URL} = {@code {base}/_sandbox/xendit}) and see the providers'
 * own formats, authentication and refusals. The pay page and two local-only routes stand in for the person paying.
 *
 * <p>Routes (every path starts with {@value #PREFIX}):
 * <ul>
 *   <li>{@code POST midtrans/snap/v1/transactions}, {@code GET midtrans/v2/{order_id}/status}</li>
 *   <li>{@code POST xendit/v2/invoices}, {@code GET xendit/v2/invoices?external_id=}</li>
 *   <li>{@code GET pay/{providerReference}} (HTML), {@code POST pay/{providerReference}} {@code {"outcome","deliver"}}</li>
 *   <li>{@code POST refunds/{orderId}} (Midtrans only)</li>
 * </ul>
 *
 * <p>State lives in memory and is gone when the stack stops. All methods are safe to call from many threads.
 */
public final class PaymentSandbox implements AutoCloseable {
    public static final String PREFIX = "/_sandbox/";
    /**
     * Midtrans resends a notification that got no 2xx up to five times, after 1, 5, 15, 30 and 60 minutes; here
     * minutes become seconds.
     */
    public static final List<Duration> MIDTRANS_RESENDS = seconds(1, 5, 15, 30, 60);
    /**
     * Xendit resends up to six times, 15 min, 45 min, 2 h, 3 h, 6 h and 12 h after the attempt before (24 hours in
     * all); here every 15 minutes become one second.
     */
    public static final List<Duration> XENDIT_RESENDS = seconds(1, 3, 8, 12, 24, 48);

    private static final System.Logger LOG = System.getLogger(PaymentSandbox.class.getName());
    private static final Set<String> OUTCOMES = Set.of("settlement", "deny", "expire", "cancel", "challenge");
    private static final String SNAP_UNAUTHORIZED =
            "Access denied due to unauthorized transaction, please check client or server key";
    private static final String SNAP_DUPLICATE = "transaction_details.order_id sudah digunakan";

    /**
     * How the sandbox is set up.
     *
     * @param baseUrl             the stack's public base URL, e.g. {@code http://127.0.0.1:3000}: payment links and
     *                            webhook targets are built on it
     * @param midtransServerKey   the key Snap and the Core API expect in HTTP Basic, and that signs notifications
     * @param xenditSecretKey     the key the invoice API expects in HTTP Basic
     * @param xenditCallbackToken the token sent in {@code x-callback-token} with each invoice callback
     * @param midtransResends     delays between Midtrans notification attempts after the first
     * @param xenditResends       delays between Xendit callback attempts after the first
     * @param httpClient          posts the notifications
     * @param clock               the providers' clock (expiry, times in answers)
     */
    public record Config(String baseUrl, String midtransServerKey, String xenditSecretKey, String xenditCallbackToken,
                         List<Duration> midtransResends, List<Duration> xenditResends, HttpClient httpClient, Clock clock) {

        public Config {
            Objects.requireNonNull(baseUrl, "baseUrl");
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            if (!Formats.isWebUrl(baseUrl)) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
            }
            requireKey(midtransServerKey, "midtransServerKey");
            requireKey(xenditSecretKey, "xenditSecretKey");
            requireKey(xenditCallbackToken, "xenditCallbackToken");
            midtransResends = schedule(midtransResends, "midtransResends");
            xenditResends = schedule(xenditResends, "xenditResends");
            Objects.requireNonNull(httpClient, "httpClient");
            Objects.requireNonNull(clock, "clock");
        }

        /** The providers' own resend schedules (compressed) and the system clock. */
        public static Config of(String baseUrl, String midtransServerKey, String xenditSecretKey,
                                String xenditCallbackToken, HttpClient httpClient) {
            return new Config(baseUrl, midtransServerKey, xenditSecretKey, xenditCallbackToken, MIDTRANS_RESENDS,
                    XENDIT_RESENDS, httpClient, Clock.systemUTC());
        }

        /** The same, with one resend schedule for both providers. */
        public Config withResends(List<Duration> resends) {
            return new Config(baseUrl, midtransServerKey, xenditSecretKey, xenditCallbackToken, resends, resends,
                    httpClient, clock);
        }

        public Config withClock(Clock newClock) {
            return new Config(baseUrl, midtransServerKey, xenditSecretKey, xenditCallbackToken, midtransResends,
                    xenditResends, httpClient, newClock);
        }

        /** Keys and tokens stay out of every string a log could catch. */
        @Override
        public String toString() {
            return "PaymentSandbox.Config[baseUrl=" + baseUrl + ", midtransResends=" + midtransResends
                    + ", xenditResends=" + xenditResends + ", keys=(hidden)]";
        }

        private static void requireKey(String key, String name) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
        }

        private static List<Duration> schedule(List<Duration> delays, String name) {
            Objects.requireNonNull(delays, name);
            for (Duration d : delays) {
                if (d == null || d.isNegative()) {
                    throw new IllegalArgumentException(name + " holds a missing or negative delay");
                }
            }
            return List.copyOf(delays);
        }
    }

    private final Config config;
    private final Notifier notifier;
    private final Map<String, Payment> midtransByOrder = new ConcurrentHashMap<>();
    private final Map<String, Payment> midtransByTransactionId = new ConcurrentHashMap<>();
    private final Map<String, Payment> xenditByExternalId = new ConcurrentHashMap<>();
    private final Map<String, Payment> byReference = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, java.util.Deque<Fault>> faults = new ConcurrentHashMap<>();

    /**
     * What a provider's create-payment endpoint can do instead of answering normally, to prove how the product
     * behaves when a provider misbehaves.
     */
    public enum Fault {
        /** Answers 503 and creates nothing, as a provider outage does. */
        UNAVAILABLE,
        /** Creates the payment, then answers only after {@link #SLOW_ANSWER}: longer than any caller waits. */
        SLOW,
        /** Answers 200 with a body that is not JSON, as a proxy's error page would be. */
        NOT_JSON,
        /** Creates the payment, and answers with another amount in it (Xendit) or no payment page (Snap). */
        WRONG_ANSWER
    }

    /** How long a {@link Fault#SLOW} answer takes. */
    public static final Duration SLOW_ANSWER = Duration.ofSeconds(10);

    /** The next {@code times} create-payment requests to {@code provider} ("midtrans" or "xendit") meet {@code fault}. */
    public void failNext(String provider, Fault fault, int times) {
        java.util.Deque<Fault> queue = faults.computeIfAbsent(provider, p -> new java.util.concurrent.ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    private Fault nextFault(String provider) {
        java.util.Deque<Fault> queue = faults.get(provider);
        return queue == null ? null : queue.poll();
    }

    /** The fault's answer in place of {@code normal} (which has already created the payment where the fault says so). */
    private static SandboxResponse faulty(Fault fault, SandboxResponse normal, String wrongAnswer) {
        switch (fault) {
            case SLOW -> {
                try {
                    Thread.sleep(SLOW_ANSWER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return normal;
            }
            case NOT_JSON -> {
                return new SandboxResponse(200, Map.of("content-type", "text/html"),
                        "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8));
            }
            case WRONG_ANSWER -> {
                return SandboxResponse.json(normal.status(), wrongAnswer);
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    public PaymentSandbox(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.notifier = new Notifier(config.httpClient(), config.clock());
    }

    /** Whether a request path belongs to the sandbox (the gateway hands those to {@link #handle}). */
    public static boolean handles(String rawPath) {
        return rawPath != null && rawPath.startsWith(PREFIX);
    }

    /**
     * Answers one request to a sandbox path.
     *
     * @param method           the HTTP method
     * @param rawPath          the path as sent, still percent-encoded, starting with {@value #PREFIX}
     * @param rawQuery         the query string as sent, or null
     * @param lowerCaseHeaders request headers with lower-case names
     * @param body             the request body (empty when none)
     */
    public SandboxResponse handle(String method, String rawPath, String rawQuery, Map<String, String> lowerCaseHeaders,
                                  byte[] body) {
        try {
            return route(method == null ? "" : method.toUpperCase(Locale.ROOT), rawPath, rawQuery,
                    lowerCaseHeaders == null ? Map.of() : lowerCaseHeaders, body == null ? new byte[0] : body);
        } catch (RuntimeException e) {
            // As a provider would: a 500 that tells nothing of the cause.
            LOG.log(System.Logger.Level.ERROR, "payment sandbox: request failed: {0}", e.getClass().getName());
            return problem(500, "internal", "Internal error", "The payment sandbox failed to answer this request.");
        }
    }

    /** How many provider transactions (Snap transactions and Xendit invoices) were created for this order id. */
    public int transactionsCreated(String orderId) {
        AtomicInteger count = created.get(orderId);
        return count == null ? 0 : count.get();
    }

    /** Every notification attempt made for this order id so far, oldest first. */
    public List<Delivery> deliveries(String orderId) {
        return notifier.deliveries(orderId);
    }

    /** Stops resending; notifications still waiting for their next attempt are dropped. */
    @Override
    public void close() {
        notifier.close();
    }

    private SandboxResponse route(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        if (!handles(rawPath)) {
            return notFound();
        }
        List<String> s = segments(rawPath.substring(PREFIX.length()));
        if (s.size() == 4 && s.get(0).equals("midtrans") && s.get(1).equals("snap") && s.get(2).equals("v1")
                && s.get(3).equals("transactions")) {
            return method.equals("POST") ? snapCreate(headers, body) : notAllowed("POST");
        }
        if (s.size() == 4 && s.get(0).equals("midtrans") && s.get(1).equals("v2") && s.get(3).equals("status")) {
            return method.equals("GET") ? midtransStatus(headers, s.get(2)) : notAllowed("GET");
        }
        if (s.size() == 3 && s.get(0).equals("xendit") && s.get(1).equals("v2") && s.get(2).equals("invoices")) {
            return switch (method) {
                case "POST" -> xenditCreate(headers, body);
                case "GET" -> xenditList(headers, rawQuery);
                default -> notAllowed("GET, POST");
            };
        }
        if (s.size() == 2 && s.get(0).equals("pay")) {
            return switch (method) {
                case "GET" -> payPage(s.get(1));
                case "POST" -> payOutcome(s.get(1), body);
                default -> notAllowed("GET, POST");
            };
        }
        if (s.size() == 2 && s.get(0).equals("refunds")) {
            return method.equals("POST") ? refund(s.get(1), body) : notAllowed("POST");
        }
        return notFound();
    }

    // ---- Midtrans ----------------------------------------------------------------------------------------------

    private SandboxResponse snapCreate(Map<String, String> headers, byte[] body) {
        if (!basicAuth(headers, config.midtransServerKey())) {
            return SandboxResponse.json(401, Midtrans.snapError(List.of(SNAP_UNAUTHORIZED)));
        }
        Fault fault = nextFault("midtrans");
        if (fault == Fault.UNAVAILABLE) {
            return SandboxResponse.json(503, Midtrans.snapError(List.of("Service temporarily unavailable")));
        }
        SandboxResponse normal = snapCreated(body);
        return fault == null || normal.status() != 201 ? normal : faulty(fault, normal, "{\"token\":\"t\"}");
    }

    private SandboxResponse snapCreated(byte[] body) {
        Instant now = config.clock().instant();
        Midtrans.SnapRequest request;
        try {
            request = Midtrans.parseSnap(body, now);
        } catch (Midtrans.SnapRefusal refusal) {
            return SandboxResponse.json(refusal.status, Midtrans.snapError(refusal.messages));
        }
        String token = UUID.randomUUID().toString();
        Payment payment = new Payment(Payment.Provider.MIDTRANS, request.orderId(), token, UUID.randomUUID().toString(),
                request.grossAmount(), now, request.expiresAt(), request.finishUrl(), null, null, null, vaNumber());
        if (midtransByOrder.putIfAbsent(payment.orderId, payment) != null) {
            // Snap refuses an order_id it has seen, whatever became of it, and gives no second token.
            return SandboxResponse.json(400, Midtrans.snapError(List.of(SNAP_DUPLICATE)));
        }
        midtransByTransactionId.put(payment.transactionId, payment);
        byReference.put(token, payment);
        countCreated(payment.orderId);
        ObjectNode answer = Json.object();
        answer.put("token", token);
        answer.put("redirect_url", payUrl(token));
        return SandboxResponse.json(201, Json.write(answer));
    }

    private SandboxResponse midtransStatus(Map<String, String> headers, String id) {
        if (!basicAuth(headers, config.midtransServerKey())) {
            return SandboxResponse.json(401, Midtrans.coreError("401", "Unknown Merchant server_key/id", UUID.randomUUID().toString()));
        }
        Payment payment = midtransByOrder.get(id);
        if (payment == null) {
            payment = midtransByTransactionId.get(id); // the status API takes an order_id or a transaction_id
        }
        if (payment == null) {
            // Midtrans answers an unknown order with HTTP 200 and the 404 in the body; clients read status_code.
            return SandboxResponse.json(200, Midtrans.coreError("404", "Transaction doesn't exist.", UUID.randomUUID().toString()));
        }
        Payment.State state = payment.current(config.clock().instant());
        return SandboxResponse.json(200, Json.write(Midtrans.status(payment, state, config.midtransServerKey())));
    }

    private SandboxResponse refund(String orderId, byte[] body) {
        if (!emptyObject(body)) {
            return problem(400, "bad-request", "Bad request", "A sandbox refund takes no body, or {}.");
        }
        Payment payment = midtransByOrder.get(orderId);
        if (payment == null) {
            return problem(404, "not-found", "Not found", "The sandbox holds no Midtrans transaction for this order id.");
        }
        Instant now = config.clock().instant();
        Payment.State state;
        try {
            state = payment.advance(now, current -> Midtrans.refunded(current, now));
        } catch (Payment.Refused refused) {
            return problem(refused.status, "conflict", "Conflict", refused.getMessage());
        }
        return outcomeAnswer(state, notify(payment, state));
    }

    // ---- Xendit ------------------------------------------------------------------------------------------------

    private SandboxResponse xenditCreate(Map<String, String> headers, byte[] body) {
        if (!basicAuth(headers, config.xenditSecretKey())) {
            return xenditUnauthorized(headers);
        }
        Fault fault = nextFault("xendit");
        if (fault == Fault.UNAVAILABLE) {
            return SandboxResponse.json(503, Xendit.error("SERVER_ERROR", "Service temporarily unavailable"));
        }
        SandboxResponse normal = xenditCreated(body);
        if (fault == null || normal.status() != 200) {
            return normal;
        }
        ObjectNode wrong;
        try {
            wrong = (ObjectNode) Json.parse(normal.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        wrong.put("amount", wrong.path("amount").asLong() + 1);
        return faulty(fault, normal, Json.write(wrong));
    }

    private SandboxResponse xenditCreated(byte[] body) {
        Xendit.InvoiceRequest request;
        try {
            request = Xendit.parse(body);
        } catch (Xendit.XenditRefusal refusal) {
            return SandboxResponse.json(refusal.status, Xendit.error(refusal.code, refusal.getMessage()));
        }
        Instant now = config.clock().instant();
        String id = invoiceId();
        Payment payment = new Payment(Payment.Provider.XENDIT, request.externalId(), id, null, request.amount(), now,
                now.plus(request.duration()), request.successUrl(), request.failureUrl(), request.payerEmail(),
                request.description(), vaNumber());
        if (xenditByExternalId.putIfAbsent(payment.orderId, payment) != null) {
            // Stricter than Xendit, which may take a second invoice for an external_id: the product must look first.
            return SandboxResponse.json(400, Xendit.error("DUPLICATE_ERROR",
                    "An invoice with this external_id already exists"));
        }
        byReference.put(id, payment);
        countCreated(payment.orderId);
        return SandboxResponse.json(200, Json.write(Xendit.invoice(payment, payment.current(now), payUrl(id))));
    }

    private SandboxResponse xenditList(Map<String, String> headers, String rawQuery) {
        if (!basicAuth(headers, config.xenditSecretKey())) {
            return xenditUnauthorized(headers);
        }
        Map<String, String> query = query(rawQuery);
        int limit = 10;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > 100) {
                return SandboxResponse.json(400, Xendit.error("API_VALIDATION_ERROR",
                        "\"limit\" must be between 1 and 100"));
            }
        }
        List<Payment> found = new ArrayList<>();
        String externalId = query.get("external_id");
        if (externalId != null) {
            Payment payment = xenditByExternalId.get(externalId);
            if (payment != null) {
                found.add(payment);
            }
        } else {
            found.addAll(xenditByExternalId.values());
            found.sort(Comparator.comparing((Payment p) -> p.createdAt).reversed());
        }
        Instant now = config.clock().instant();
        ArrayNode answer = Json.array();
        found.stream().limit(limit).forEach(p -> answer.add(Xendit.invoice(p, p.current(now), payUrl(p.reference))));
        return SandboxResponse.json(200, Json.write(answer));
    }

    private static SandboxResponse xenditUnauthorized(Map<String, String> headers) {
        String message = headers.containsKey("authorization") ? "API key is invalid" : "API key format is invalid";
        return SandboxResponse.json(401, Xendit.error("INVALID_API_KEY", message));
    }

    // ---- the person paying ----------------------------------------------------------------------------------------

    private SandboxResponse payPage(String reference) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/html; charset=utf-8");
        headers.put("content-security-policy", PayPage.CONTENT_SECURITY_POLICY);
        headers.put("x-content-type-options", "nosniff");
        headers.put("referrer-policy", "no-referrer");
        headers.put("cache-control", "no-store");
        Payment payment = byReference.get(reference);
        if (payment == null) {
            return new SandboxResponse(404, headers, PayPage.notFound().getBytes(StandardCharsets.UTF_8));
        }
        Payment.State state = payment.current(config.clock().instant());
        boolean open = state.status().equals(payment.provider.pending)
                || (state.status().equals("capture") && "challenge".equals(state.fraudStatus()));
        String html = PayPage.render(payment, state, PayPage.redirects(payment), open);
        return new SandboxResponse(200, headers, html.getBytes(StandardCharsets.UTF_8));
    }

    private SandboxResponse payOutcome(String reference, byte[] body) {
        JsonNode request;
        try {
            request = Json.parse(body);
        } catch (Exception e) {
            return problem(400, "bad-request", "Bad request", "The body must be {\"outcome\":\"...\",\"deliver\":true}.");
        }
        if (!request.isObject()) {
            return problem(400, "bad-request", "Bad request", "The body must be a JSON object.");
        }
        for (String field : (Iterable<String>) request::fieldNames) {
            if (!field.equals("outcome") && !field.equals("deliver")) {
                return problem(400, "bad-request", "Bad request", "Unknown field " + field + ".");
            }
        }
        JsonNode outcomeNode = request.get("outcome");
        if (outcomeNode == null || !outcomeNode.isTextual() || !OUTCOMES.contains(outcomeNode.textValue())) {
            return problem(400, "bad-request", "Bad request",
                    "outcome must be one of settlement, deny, expire, cancel, challenge.");
        }
        JsonNode deliverNode = request.get("deliver");
        if (deliverNode != null && !deliverNode.isBoolean()) {
            return problem(400, "bad-request", "Bad request", "deliver must be true or false.");
        }
        String outcome = outcomeNode.textValue();
        boolean deliver = deliverNode == null || deliverNode.booleanValue();

        Payment payment = byReference.get(reference);
        if (payment == null) {
            return problem(404, "not-found", "Not found", "The sandbox holds no payment with this reference.");
        }
        if (payment.provider == Payment.Provider.XENDIT && !Xendit.knows(outcome)) {
            return problem(400, "bad-request", "Bad request", "A Xendit invoice cannot be " + outcome
                    + ": a failed attempt leaves it PENDING. Use settlement or expire.");
        }
        Instant now = config.clock().instant();
        Payment.State state;
        try {
            state = payment.advance(now, current -> payment.provider == Payment.Provider.MIDTRANS
                    ? Midtrans.after(current, outcome, now) : Xendit.after(current, outcome, now));
        } catch (Payment.Refused refused) {
            return problem(refused.status, "conflict", "Conflict", refused.getMessage());
        }
        return outcomeAnswer(state, deliver && notify(payment, state));
    }

    private static SandboxResponse outcomeAnswer(Payment.State state, boolean delivered) {
        ObjectNode answer = Json.object();
        answer.put("status", state.status());
        answer.put("delivered", delivered);
        return SandboxResponse.json(200, Json.write(answer));
    }

    /** Posts the provider's notification for this state; true when the first attempt got a 2xx. */
    private boolean notify(Payment payment, Payment.State state) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        Notifier.Notice notice;
        if (payment.provider == Payment.Provider.MIDTRANS) {
            byte[] body = Json.write(Midtrans.notification(payment, state, config.midtransServerKey()))
                    .getBytes(StandardCharsets.UTF_8);
            notice = new Notifier.Notice(Midtrans.PROVIDER, payment.orderId, state.status(),
                    URI.create(config.baseUrl() + "/webhooks/midtrans"), headers, body, Midtrans.NOTIFICATION_TIMEOUT,
                    config.midtransResends());
        } else {
            headers.put("x-callback-token", config.xenditCallbackToken());
            headers.put("webhook-id", UUID.randomUUID().toString()); // one event: the same id on every resend
            byte[] body = Json.write(Xendit.callback(payment, state)).getBytes(StandardCharsets.UTF_8);
            notice = new Notifier.Notice(Xendit.PROVIDER, payment.orderId, state.status(),
                    URI.create(config.baseUrl() + "/webhooks/xendit"), headers, body, Xendit.CALLBACK_TIMEOUT,
                    config.xenditResends());
        }
        return notifier.send(notice);
    }

    // ---- small parts -------------------------------------------------------------------------------------------

    /** HTTP Basic with the key as user name and an empty password, as both providers document. */
    private static boolean basicAuth(Map<String, String> headers, String key) {
        String header = headers.get("authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String credentials = new String(decoded, StandardCharsets.UTF_8);
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            return false;
        }
        return MessageDigest.isEqual(credentials.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean emptyObject(byte[] body) {
        if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return true;
        }
        try {
            JsonNode node = Json.parse(body);
            return node.isObject() && node.isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private void countCreated(String orderId) {
        created.computeIfAbsent(orderId, id -> new AtomicInteger()).incrementAndGet();
    }

    private String payUrl(String reference) {
        return config.baseUrl() + PREFIX + "pay/" + reference;
    }

    /** Xendit invoice ids are 24 hex digits. */
    private String invoiceId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String vaNumber() {
        StringBuilder digits = new StringBuilder("8808");
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static List<String> segments(String rest) {
        List<String> out = new ArrayList<>();
        for (String part : rest.split("/", -1)) {
            out.add(decode(part));
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // a trailing slash, as in Xendit's own /v2/invoices/
        }
        return out;
    }

    /** Percent-decoding for a path segment, where '+' is a plus. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                // a malformed escape: the pair is ignored, as a lenient server would
            }
        }
        return out;
    }

    private static SandboxResponse notFound() {
        return problem(404, "not-found", "Not found", "The payment sandbox has no route here.");
    }

    private static SandboxResponse notAllowed(String allow) {
        SandboxResponse p = problem(405, "method-not-allowed", "Method not allowed", "This sandbox route takes " + allow + ".");
        Map<String, String> headers = new LinkedHashMap<>(p.headers());
        headers.put("allow", allow);
        return new SandboxResponse(405, headers, p.body());
    }

    private static SandboxResponse problem(int status, String slug, String title, String detail) {
        return SandboxResponse.problem(status, Json.write(Problems.document(status, slug, title, detail)));
    }

    private static List<Duration> seconds(long... values) {
        List<Duration> out = new ArrayList<>();
        for (long v : values) {
            out.add(Duration.ofSeconds(v));
        }
        return List.copyOf(out);
    }
}
