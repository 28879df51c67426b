package id.peduli.local.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import id.peduli.appeals.AppealPage;
import id.peduli.appeals.AppealPageHandler;
import id.peduli.core.http.HttpRequest;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.http.Json;
import id.peduli.core.wiring.Wiring;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the web client ({@code web/} beside template.yaml) on the local gateway, as CloudFront (static files) and
 * the HTTP API (the server-rendered appeal page) do in AWS. Page routes map to their HTML; {@code /a/{id}} is
 * rendered by the same {@link AppealPageHandler} that runs in Lambda, reading the page from the web folder on every
 * request so edits show at once. Files are answered with their content type, a cache policy and an ETag, gzipped
 * when the client accepts it; paths that leave the folder, hidden files and raw HTML files are refused.
 */
public final class StaticSite {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern APPEAL = Pattern.compile("/a/([^/]+)");
    private static final Pattern RECEIPT = Pattern.compile("/donasi/([^/]+)");
    private static final Pattern TRACKING = Pattern.compile("/lapor/([^/]+)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");
    /**
     * The pages load only their own scripts and styles and talk to this origin; the local S3 (on another loopback
     * port) takes uploads and shows officers their documents in place (images, PDFs in a frame). template.yaml's
     * response headers policy says the same for AWS, with S3 and Cognito's hosts instead of loopback.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:*; "
            + "frame-src http://127.0.0.1:*; connect-src 'self' http://127.0.0.1:* https:; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    private final Path root;
    private volatile AppealPageHandler appealPages;

    private StaticSite(Path root) {
        this.root = root;
    }

    /** The site in {@code root}, or one that serves nothing when root is null. */
    public static StaticSite at(Path root) {
        try {
            return new StaticSite(root == null ? null : root.toRealPath());
        } catch (IOException e) {
            return new StaticSite(null);
        }
    }

    /**
     * The {@code web} folder beside the template the stack runs; the system property {@code peduli.web} names
     * another. Null when there is none.
     */
    public static Path locate(Path template) {
        String configured = System.getProperty("peduli.web");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path web = template.toAbsolutePath().getParent().resolve("web");
        return Files.isDirectory(web) ? web : null;
    }

    /**
     * The {@code web} folder beside template.yaml, found the way the stack finds the template (the working directory or
     * one of its parents); the system property {@code peduli.web} names another. Null when there is none.
     */
    public static Path locate() {
        String configured = System.getProperty("peduli.web");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("web"))) {
                return dir.resolve("web");
            }
        }
        return null;
    }

    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /**
     * Answers a GET or HEAD for the web client; false when the path is none of its (the gateway then answers 404).
     */
    public boolean serve(HttpExchange exchange) throws IOException {
        if (root == null) {
            return false;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Matcher appeal = APPEAL.matcher(rawPath);
        if (appeal.matches()) {
            return appealPage(exchange, appeal.group(1));
        }
        String page = page(rawPath);
        if (page != null) {
            return file(exchange, root.resolve(page), "no-cache");
        }
        Path file = resolve(rawPath);
        if (file == null || file.getFileName().toString().endsWith(".html")) {
            return false; // HTML only through its route: a.html is a template, not a page
        }
        return file(exchange, file, "public, max-age=300");
    }

    /** The HTML file of a page route, or null. */
    static String page(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            return "index.html";
        }
        if (path.equals("/lapor") || path.equals("/lapor/")) {
            return "lapor.html";
        }
        if (path.equals("/petugas") || path.equals("/petugas/")) {
            return "petugas.html";
        }
        Matcher receipt = RECEIPT.matcher(path);
        if (receipt.matches() && ID.matcher(receipt.group(1)).matches()) {
            return "donasi.html";
        }
        Matcher tracking = TRACKING.matcher(path);
        if (tracking.matches() && ID.matcher(tracking.group(1)).matches()) {
            return "lapor-status.html";
        }
        return null;
    }

    /**
     * The file a raw request path names inside the root, or null: percent-escapes decoded once, and no empty, dot,
     * hidden or backslash segment, so nothing outside the folder (nor a dotfile in it) can be named.
     */
    Path resolve(String rawPath) {
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!path.startsWith("/") || path.length() > 256) {
            return null;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || segment.contains("\\") || segment.contains(":")
                    || segment.chars().anyMatch(c -> c < 0x20)) {
                return null;
            }
        }
        Path file = root.resolve(path.substring(1)).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TYPES.containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT)) ? file : null;
    }

    private boolean file(HttpExchange exchange, Path file, String cacheControl) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", type);
        headers.put("cache-control", cacheControl);
        String etag = "\"" + sha256(body).substring(0, 32) + "\"";
        headers.put("etag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("if-none-match"))) {
            send(exchange, 304, headers, new byte[0]);
            return true;
        }
        send(exchange, 200, headers, body);
        return true;
    }

    private boolean appealPage(HttpExchange exchange, String rawId) throws IOException {
        String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        HttpRequest request = new HttpRequest("GET /a/{id}", headers, Map.of(), Map.of("id", id), new byte[0],
                UUID.randomUUID().toString(), Map.of());
        HttpResponse response = appealPages().respond(request, null);
        send(exchange, response.status(), new LinkedHashMap<>(response.headers()),
                response.body().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Built on first use, after the stack has configured the functions' environment. */
    private AppealPageHandler appealPages() {
        AppealPageHandler handler = appealPages;
        if (handler == null) {
            synchronized (this) {
                if (appealPages == null) {
                    appealPages = new AppealPageHandler(Wiring.stores(), this::appealPageFromDisk);
                }
                handler = appealPages;
            }
        }
        return handler;
    }

    private AppealPage appealPageFromDisk() {
        try {
            JsonNode messages = Json.mapper().readTree(root.resolve("i18n/id.json").toFile());
            return new AppealPage(Files.readString(root.resolve("a.html")), messages, Files.readString(root.resolve("404.html")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        String type = headers.getOrDefault("content-type", "");
        headers.put("x-content-type-options", "nosniff");
        if (type.startsWith("text/html")) {
            headers.put("content-security-policy", CSP);
            headers.put("referrer-policy", "same-origin");
        }
        boolean compressible = type.startsWith("text/") || type.contains("json") || type.contains("svg");
        String accepted = exchange.getRequestHeaders().getFirst("accept-encoding");
        byte[] out = body;
        if (compressible) {
            String vary = exchange.getResponseHeaders().getFirst("vary"); // the gateway's CORS may have set "origin"
            headers.put("vary", vary == null ? "accept-encoding" : vary + ", accept-encoding");
            if (body.length > 0 && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
                out = gzip(body);
                headers.put("content-encoding", "gzip");
            }
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head || out.length == 0 || status == 304 ? -1 : out.length);
        if (!head && out.length > 0 && status != 304) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
    }

    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(body);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
