package id.peduli.local.gateway;

import id.peduli.local.template.Template;
import id.peduli.local.auth.LocalIssuer;
import id.peduli.local.auth.LocalTokenRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.http.Problems;
import id.peduli.local.sandbox.PaymentSandbox;
import id.peduli.local.sandbox.SandboxResponse;
import id.peduli.local.web.StaticSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays API Gateway's HTTP API (payload format 2.0) on loopback: matches the template's routes, checks bearer
 * tokens on authorized routes, turns each request into the event API Gateway would send, invokes the function and
 * writes its answer back as API Gateway would.
 */
public final class ApiGateway implements AutoCloseable {
    public static final int MAX_BODY = 10 * 1024 * 1024; // API Gateway's own payload limit
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record CompiledRoute(Template.Function function, Template.Route route, Pattern pattern, List<String> names) {}

    private final List<CompiledRoute> routes = new ArrayList<>();
    private final Functions functions;
    private final LocalIssuer issuer;
    private final Template.Cors cors;
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile PaymentSandbox sandbox;
    private final StaticSite site;

    /** {@code site}: the static files served for GET requests no route matches. */
    public ApiGateway(Functions functions, LocalIssuer issuer, Template.Cors cors, StaticSite site, String host, int port)
            throws IOException {
        this.functions = functions;
        this.site = site;
        this.issuer = issuer;
        this.cors = cors;
        for (Template.Function f : functions.all()) {
            for (Template.Route r : f.routes()) {
                List<String> names = new ArrayList<>();
                Matcher m = Pattern.compile("\\{([^}/]+?)\\+?}").matcher(r.path());
                StringBuilder regex = new StringBuilder();
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(r.path().substring(last, m.start()))).append("([^/]+)");
                    names.add(m.group(1));
                    last = m.end();
                }
                regex.append(Pattern.quote(r.path().substring(last)));
                routes.add(new CompiledRoute(f, r, Pattern.compile(regex.toString()), names));
            }
        }
        // Literal routes win over templated ones, as in API Gateway.
        routes.sort((a, b) -> Integer.compare(a.names.size(), b.names.size()));
        this.executor = Executors.newFixedThreadPool(32);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts answering, with the payment sandbox under {@code /_sandbox/} (null: none); until then the bound port
     * queues connections.
     */
    public void start(PaymentSandbox paymentSandbox) {
        this.sandbox = paymentSandbox;
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                write(exchange, Problems.of(413, "payload-too-large", "Payload too large", "The body is too large."));
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String origin = exchange.getRequestHeaders().getFirst("origin");
            if (origin != null && cors.origins().contains(origin)) {
                exchange.getResponseHeaders().set("access-control-allow-origin", origin);
                exchange.getResponseHeaders().set("vary", "origin");
                if (method.equals("OPTIONS") && exchange.getRequestHeaders().containsKey("access-control-request-method")) {
                    // A preflight, answered by the gateway itself as API Gateway does when CORS is configured.
                    exchange.getResponseHeaders().set("access-control-allow-methods", cors.methods());
                    exchange.getResponseHeaders().set("access-control-allow-headers", cors.headers());
                    exchange.getResponseHeaders().set("access-control-max-age", cors.maxAge());
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
            }
            if (method.equals("POST") && path.equals("/_local/token")) {
                write(exchange, LocalTokenRoute.handle(issuer, body));
                return;
            }
            if (method.equals("POST") && path.equals("/_local/reconcile")) {
                write(exchange, LocalReconcileRoute.handle(functions, body, requestId));
                return;
            }
            PaymentSandbox payments = sandbox;
            if (payments != null && PaymentSandbox.handles(path)) {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                SandboxResponse r = payments.handle(method, path, exchange.getRequestURI().getRawQuery(), headers, body);
                sendBytes(exchange, r.status(), r.headers(), r.body());
                return;
            }
            for (CompiledRoute route : routes) {
                Matcher m = route.pattern.matcher(path);
                if (!route.route.method().equals(method) || !m.matches()) {
                    continue;
                }
                Map<String, String> claims = null;
                if (route.route.authorized()) {
                    claims = authorize(exchange.getRequestHeaders().getFirst("authorization"));
                    if (claims == null) {
                        write(exchange, Problems.unauthorized("A valid bearer token is required.")
                                .withHeader("www-authenticate", "Bearer"));
                        return;
                    }
                }
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    params.put(route.names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                }
                ObjectNode event = event(exchange, route.route, params, body, claims, requestId);
                JsonNode answer = functions.invoke(route.function.logicalId(), event, requestId);
                writeAnswer(exchange, answer);
                return;
            }
            if ((method.equals("GET") || method.equals("HEAD")) && site.serve(exchange)) {
                return; // no route matched: the web client's pages and files (web/ beside the template)
            }
            write(exchange, Problems.notFound("No route " + method + " " + path + "."));
        } catch (RuntimeException | IOException e) {
            // As API Gateway does when an integration fails: a 500 with the request id, nothing of the cause.
            System.err.println("request " + requestId + " failed: " + e.getClass().getName());
            write(exchange, Problems.internal(requestId));
        } finally {
            exchange.close();
        }
    }

    private Map<String, String> authorize(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return issuer.verify(header.substring(7).trim());
    }

    static ObjectNode event(HttpExchange exchange, Template.Route route, Map<String, String> pathParams, byte[] body,
                            Map<String, String> claims, String requestId) {
        Instant now = Instant.now();
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);

        ObjectNode headers = Json.object();
        ArrayNode cookies = Json.array();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.trim());
                        }
                    }
                });
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);

        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        if (!pathParams.isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            pathParams.forEach(p::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "127");
        ObjectNode http = context.putObject("http");
        http.put("method", route.method());
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.path("user-agent").asText(""));
        context.put("requestId", requestId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            claims.forEach(c::put);
            jwt.putNull("scopes");
        }

        if (body.length > 0) {
            boolean text = isText(headers.path("content-type").asText(""));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway passes text bodies as they are and base64-encodes the rest. */
    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    /** Writes a function's answer as API Gateway does: status, headers, cookies, body (base64-decoded if flagged). */
    private static void writeAnswer(HttpExchange exchange, JsonNode answer) throws IOException {
        if (!answer.isObject() || !answer.has("statusCode")) {
            // API Gateway treats a bare value as a 200 JSON body
            sendBytes(exchange, 200, Map.of("content-type", "application/json"), Json.write(answer).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        for (JsonNode cookie : answer.path("cookies")) {
            exchange.getResponseHeaders().add("set-cookie", cookie.asText());
        }
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        sendBytes(exchange, answer.path("statusCode").asInt(200), headers, bytes);
    }

    private static void write(HttpExchange exchange, HttpResponse response) throws IOException {
        sendBytes(exchange, response.status(), response.headers(), response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
