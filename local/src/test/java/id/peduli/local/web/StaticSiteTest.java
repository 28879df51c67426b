package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.appeals.AppealPage;
import id.peduli.core.http.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web client's files as the local gateway serves them (routes, content types, caching, gzip, refused paths),
 * the appeal page's renderer, and the files that must agree with others: the messages with the HTML, English with
 * Indonesian, the regions with the official codes. Needs: the local stack (in-process); no browser.
 */
class StaticSiteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path WEB = StaticSite.locate();

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(LocalApi.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/lapor", "/petugas", "/donasi/abcDEF123_-", "/lapor/abcDEF123_-"})
    void pageRoutes_answerTheirHtml_uncached(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("content-security-policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("<!doctype html>").contains("<html lang=\"id\">");
    }

    @Test
    void theSiteServed_isTheWebFolderBesideTheTemplateTheStackRuns_notTheWorkingDirectorys(@TempDir Path elsewhere)
            throws IOException {
        Path template = Files.writeString(elsewhere.resolve("template.yaml"), "Resources: {}\n");
        assertThat(StaticSite.locate(template)).isNull();
        Files.createDirectories(elsewhere.resolve("web"));
        assertThat(StaticSite.locate(template)).isEqualTo(elsewhere.resolve("web"));
    }

    @Test
    void assets_haveTheirTypes_anETag_andAreGzipped_whenAccepted() throws Exception {
        Map<String, String> types = Map.of("/css/site.css", "text/css; charset=utf-8",
                "/js/appeal.js", "text/javascript; charset=utf-8", "/i18n/en.json", "application/json; charset=utf-8",
                "/data/wilayah.json", "application/json; charset=utf-8");
        for (Map.Entry<String, String> t : types.entrySet()) {
            HttpResponse<byte[]> plain = get(t.getKey());
            HttpResponse<byte[]> zipped = get(t.getKey(), "accept-encoding", "gzip");

            assertThat(plain.headers().firstValue("content-type")).as(t.getKey()).hasValue(t.getValue());
            assertThat(plain.headers().firstValue("cache-control")).hasValue("public, max-age=300");
            assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
            assertThat(zipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("vary")).hasValueSatisfying(v -> assertThat(v).contains("accept-encoding"));
            assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
            assertThat(zipped.body().length).isLessThan(plain.body().length);
            String etag = plain.headers().firstValue("etag").orElseThrow();
            assertThat(get(t.getKey(), "if-none-match", etag).statusCode()).isEqualTo(304);
        }
    }

    /** Browsers ask for /favicon.ico by themselves; a 404 there is an error in every page's console. */
    @Test
    void theIcon_isServed_andEveryPageLinksIcons_theSiteHas() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("content-type")).hasValue("image/x-icon");
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an ICO header: reserved 0, type 1 (icon)

        Pattern icon = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"[^>]*>");
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = icon.matcher(Files.readString(html));
                int linked = 0;
                while (m.find()) {
                    HttpResponse<byte[]> r = get(m.group(1));
                    assertThat(r.statusCode()).as("%s links %s", html.getFileName(), m.group(1)).isEqualTo(200);
                    assertThat(r.headers().firstValue("content-type")).as(m.group(1)).hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
                    linked++;
                }
                assertThat(linked).as("icons linked by %s", html.getFileName()).isPositive();
            }
        }
    }

    /** Without JavaScript, the home page and the appeal page hide what only works with it (beside their notes). */
    @Test
    void pagesWithoutJavaScript_hideWhatNeedsIt_throughANoscriptStylesheet() throws Exception {
        for (String page : List.of("index.html", "a.html")) {
            assertThat(Files.readString(WEB.resolve(page))).as(page)
                    .contains("<noscript><link rel=\"stylesheet\" href=\"/css/noscript.css\"></noscript>");
        }
        HttpResponse<byte[]> css = get("/css/noscript.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains("#donate", "#chain", "#filter", "display: none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/css/..%2f..%2ftemplate.yaml", "/%2e%2e/template.yaml", "/js/%2e%2e/%2e%2e/pom.xml",
            "/css/..%5c..%5cpom.xml", "/a.html", "/index.html/", "/.git", "/js/.hidden", "/i18n//id.json",
            "/nothing-here", "/donasi/a/b", "/lapor/..%2f..%2fpom.xml", "/js/home.js%00.css"})
    void pathsOutsideTheSite_hiddenFiles_andRawTemplates_areRefused(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);

        assertThat(r.statusCode()).as(path).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("AWSTemplateFormatVersion", "<project");
    }

    @Test
    void dotDotSegments_sentRaw_neverLeaveTheSite() throws Exception {
        URI base = URI.create(LocalApi.baseUrl());
        for (String path : List.of("/../template.yaml", "/css/../../template.yaml", "/js/../../pom.xml")) {
            try (Socket s = new Socket(base.getHost(), base.getPort())) {
                s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(path).doesNotContain("AWSTemplateFormatVersion", "<project").doesNotStartWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void apiRoutes_stillWin_andUnknownApiPaths_stillAnswerProblems() throws Exception {
        assertThat(get("/appeals").headers().firstValue("content-type")).hasValue("application/json");
        HttpResponse<byte[]> r = get("/appeals/x/y/z");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    // ---- the appeal page's renderer

    private static ObjectNode view() {
        ObjectNode v = Json.object();
        v.put("id", "abcDEF123");
        v.put("status", "VERIFIED");
        v.put("regionCode", "64.74");
        v.put("regionName", "Kota Bontang");
        v.put("patientName", "Putra \"<script>alert(1)</script>\" & Co");
        v.put("diagnosis", "Perdarahan otak");
        v.put("hospital", "RSUD <b>Taman</b>");
        v.put("story", "Baris satu\n</script><script>alert(2)</script>\u2028");
        v.put("targetAmount", 25_000_000);
        v.put("raisedAmount", 26_000_000);
        v.put("donationCount", 3);
        v.put("createdAt", "2026-11-22T10:15:30.123Z");
        v.put("verifiedAt", "2026-11-22T18:15:30.123Z");
        return v;
    }

    /** The first page of a public ledger (GET /appeals/{id}/ledger): a donation, a refund, a disbursement. */
    private static ObjectNode ledger() {
        ObjectNode page = Json.object();
        ObjectNode totals = page.putObject("totals");
        totals.put("donated", 26_000_000);
        totals.put("refunded", 50_000);
        totals.put("disbursed", 1_000_000);
        totals.put("balance", 24_950_000);
        totals.put("donationCount", 3);
        var items = page.putArray("items");
        ObjectNode donation = items.addObject();
        donation.put("seq", 1).put("type", "DONATION").put("amount", 26_000_000).put("donorName", "Budi <i>B</i>")
                .put("message", "Semoga </li><li>lekas sembuh").put("reference", "peduli-ord1").put("at", "2026-11-22T18:20:00.000Z")
                .put("prevHash", "0".repeat(64)).put("hash", "a".repeat(64));
        ObjectNode refund = items.addObject();
        refund.put("seq", 2).put("type", "REFUND").put("amount", 50_000).put("donorName", "Anonim")
                .put("reference", "peduli-ord2").put("at", "2026-11-23T02:05:00.000Z").put("prevHash", "a".repeat(64)).put("hash", "b".repeat(64));
        ObjectNode disbursement = items.addObject();
        disbursement.put("seq", 3).put("type", "DISBURSEMENT").put("amount", 1_000_000).put("recipient", "RSUD Kudungga")
                .put("reference", "TRF-0001").put("at", "2026-12-02T13:34:29.742Z").put("prevHash", "b".repeat(64)).put("hash", "c".repeat(64));
        return page;
    }

    private static AppealPage page() throws IOException {
        return new AppealPage(Files.readString(WEB.resolve("a.html")), Json.mapper().readTree(WEB.resolve("i18n/id.json").toFile()),
                Files.readString(WEB.resolve("404.html")));
    }

    @Test
    void appealPage_escapesEveryValue_forWhereItLands() throws Exception {
        String html = page().render(view(), ledger());

        assertThat(html).doesNotContain("<script>alert", "<b>Taman", "{{");
        assertThat(html).contains("<meta property=\"og:title\" content=\"Bantu Putra &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; Co\">");
        assertThat(html).contains("RSUD &lt;b&gt;Taman&lt;/b&gt;");
        // the data block for the scripts cannot be closed from inside
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"appeal-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        assertThat(data.group(1)).doesNotContain("<", ">").contains("\\u003c/script\\u003e", "\\u2028");
        assertThat(Json.write(Json.mapper().readTree(data.group(1)))).isEqualTo(Json.write(view()));
        // progress capped at 100%, Indonesian money and dates (verified 23 Nov in Jakarta, 01:15 WIB)
        assertThat(html).contains("value=\"100\"", "Rp 26.000.000 terkumpul dari Rp 25.000.000", "3 donasi", "23 November 2026");
    }

    /** What the first screen shows is served, so nothing moves when the scripts run: the form and the ledger. */
    @Test
    void appealPage_servesTheDonateForm_theLedgersTotals_andItsEntries_escaped() throws Exception {
        String html = page().render(view(), ledger());

        assertThat(html).contains("<form id=\"donate\" class=\"card\" novalidate>", "<p id=\"donate-closed\" class=\"notice\" hidden></p>");
        assertThat(html).contains("<dl class=\"facts\" id=\"totals\"><dt>Donasi masuk</dt><dd class=\"money\">Rp 26.000.000</dd>"
                + "<dt>Dikembalikan</dt><dd class=\"money\">Rp 50.000</dd><dt>Disalurkan</dt><dd class=\"money\">Rp 1.000.000</dd>"
                + "<dt>Saldo</dt><dd class=\"money\">Rp 24.950.000</dd></dl>");
        // as appeal.js's entry() writes them, times in Jakarta (Intl id-ID, medium date, short time)
        assertThat(html).contains("<li id=\"e1\"><div class=\"row\"><strong>#1</strong><span>Donasi dari Budi &lt;i&gt;B&lt;/i&gt;</span>"
                + "<span class=\"amount\">+Rp 26.000.000</span></div><p>\u201cSemoga &lt;/li&gt;&lt;li&gt;lekas sembuh\u201d</p>"
                + "<p class=\"muted\">23 Nov 2026, 01.20</p><p class=\"hash\">hash " + "a".repeat(64) + "</p></li>");
        assertThat(html).contains("<li id=\"e2\" class=\"out\"><div class=\"row\"><strong>#2</strong><span>Dikembalikan kepada Anonim</span>"
                + "<span class=\"amount\">\u2212Rp 50.000</span></div><p class=\"muted\">23 Nov 2026, 09.05</p>");
        assertThat(html).contains("<li id=\"e3\" class=\"out\"><div class=\"row\"><strong>#3</strong><span>Disalurkan ke RSUD Kudungga</span>"
                + "<span class=\"amount\">\u2212Rp 1.000.000</span></div><p class=\"muted\">2 Des 2026, 20.34 \u00b7 ref. TRF-0001</p>");
        assertThat(html).doesNotContain("<i>B</i>", "</li><li>lekas");

        ObjectNode funded = view().put("status", "FUNDED");
        String closed = page().render(funded, ledger());
        assertThat(closed).contains("<form id=\"donate\" class=\"card\" novalidate hidden>",
                "<p id=\"donate-closed\" class=\"notice\">Target galang dana ini sudah tercapai.");
    }

    @Test
    void appealPage_openGraph_carriesTitleRegionAndProgress_only() throws Exception {
        String html = page().render(view(), ledger());
        Matcher og = Pattern.compile("<meta (?:property=\"og:[a-z_]+\"|name=\"description\") content=\"([^\"]*)\">").matcher(html);
        StringBuilder all = new StringBuilder();
        while (og.find()) {
            all.append(og.group(1)).append('\n');
        }
        assertThat(all).contains("Kota Bontang", "Rp 26.000.000").doesNotContain("Perdarahan", "Baris satu", "Taman");
    }

    @Test
    void appealPage_packagedWithTheFunction_isTheWebClientsOwn() throws Exception {
        AppealPage packaged = AppealPage.fromClasspath();
        assertThat(packaged.render(view(), ledger())).isEqualTo(page().render(view(), ledger()));
        assertThat(packaged.notFound()).isEqualTo(Files.readString(WEB.resolve("404.html")));
    }

    // ---- files that must agree

    @Test
    void everyMarkedText_inTheHtml_isItsIndonesianMessage_andEnglishHasEveryMessage() throws Exception {
        JsonNode id = Json.mapper().readTree(WEB.resolve("i18n/id.json").toFile());
        JsonNode en = Json.mapper().readTree(WEB.resolve("i18n/en.json").toFile());
        Pattern marked = Pattern.compile("<(\\w+)[^>]*\\sdata-i18n=\"([^\"]+)\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);
        int checked = 0;
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path html : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = marked.matcher(Files.readString(html));
                while (m.find()) {
                    String text = m.group(3).replace("&amp;", "&").replace("&quot;", "\"");
                    assertThat(id.path(m.group(2)).asText(null)).as("%s: %s", html.getFileName(), m.group(2)).isEqualTo(text);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(fieldNames(en)).isEqualTo(fieldNames(id));
        // every {placeholder} of a message is in its translation too
        Pattern param = Pattern.compile("\\{\\w+}");
        id.properties().forEach(e -> assertThat(params(param, en.get(e.getKey()).asText())).as(e.getKey())
                .isEqualTo(params(param, e.getValue().asText())));
    }

    @Test
    void everyMessageKey_theScriptsUse_exists() throws Exception {
        JsonNode id = Json.mapper().readTree(WEB.resolve("i18n/id.json").toFile());
        Pattern literal = Pattern.compile("\\bt\\('([a-zA-Z.]+)'");
        try (Stream<Path> files = Files.list(WEB.resolve("js"))) {
            for (Path js : files.toList()) {
                Matcher m = literal.matcher(Files.readString(js));
                while (m.find()) {
                    assertThat(id.has(m.group(1))).as("%s uses %s", js.getFileName(), m.group(1)).isTrue();
                }
            }
        }
    }

    @Test
    void regions_areTheOfficialProvincesAndRegencies() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = id.peduli.core.domain.Regions.class.getResourceAsStream("wilayah-kemendagri-2025.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f.length == 3 && (f[2].trim().equals("1") || f[2].trim().equals("2"))) {
                    expected.put(f[0], f[1]);
                }
            }
        }
        Map<String, String> shipped = new TreeMap<>();
        Json.mapper().readTree(WEB.resolve("data/wilayah.json").toFile()).properties()
                .forEach(e -> shipped.put(e.getKey(), e.getValue().asText()));

        assertThat(shipped).isEqualTo(expected).containsEntry("64.74", "Kota Bontang").containsEntry("64.08", "Kabupaten Kutai Timur");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).sorted().toList();
    }

    private static List<String> params(Pattern p, String text) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.put(m.group(), true);
        }
        return found.keySet().stream().sorted().toList();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
