package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The public pages in a phone-sized chromium: the home page's listing and filter, the appeal page (first render from
 * the server with its Open Graph tags, the ledger recomputed in the browser, a tampered entry), the receipt.
 * Needs: chromium and chromium-driver (apt-get install -y chromium chromium-driver); starts the local stack in-process.
 */
class PublicPagesTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    @RegisterExtension
    static final Browser browser = new Browser();

    private static String name(String base) {
        return base + " " + (char) ('A' + SERIAL.getAndIncrement() % 26) + System.nanoTime() % 1000;
    }

    /** A verified appeal in {@code region} with two settled donations and one disbursement to the hospital. */
    static String appealWithLedger(String region, String patient) {
        String id = LocalApi.submit(region, patient, 25_000_000);
        String officer = LocalApi.token("web-" + region, "officer:" + region);
        assertThat(LocalApi.decide(officer, id, "VERIFY", null, null).status()).isEqualTo(200);
        for (long amount : new long[] {50_000, 120_000}) {
            JsonNode pledge = LocalApi.pledge(id, amount);
            assertThat(LocalApi.settle(pledge.get("orderId").asText(), amount)).isEqualTo(200);
        }
        assertThat(LocalApi.disburse(officer, id, 100_000, "RSUD Kudungga", "TRF-0001")).isEqualTo(201);
        return id;
    }

    @Test
    void home_listsVerifiedAppeals_filteredByProvinceAndRegency() {
        String patient = name("Ananda Bontang");
        String id = LocalApi.submit("64.74", patient, 10_000_000);
        String officer = LocalApi.token("web-home", "officer:64.74");
        assertThat(LocalApi.decide(officer, id, "VERIFY", null, null).status()).isEqualTo(200);
        String hidden = name("Belum Diverifikasi");
        LocalApi.submit("64.74", hidden, 10_000_000);

        browser.open("/");
        new Select(browser.awaitVisible("#province")).selectByValue("64");
        browser.await(d -> browser.find("#regency").isEnabled());
        new Select(browser.find("#regency")).selectByValue("64.74");
        WebElement link = browser.awaitVisible("#appeals a[href='/a/" + id + "']");

        assertThat(link.getText()).isEqualTo("Bantu " + patient);
        assertThat(browser.find("#appeals").getText()).doesNotContain(hidden).contains("Kota Bontang").contains("Rp 0");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/?wilayah=64.74");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        browser.check("01-home-bontang");
        browser.weight().assertWithinBudget("/"); // reloads the page

        browser.awaitVisible("#appeals a[href='/a/" + id + "']").click();
        browser.awaitText("#heading", patient);
    }

    @Test
    void appealPage_isRenderedOnTheServer_withOpenGraphTags_andNoPersonalData() throws Exception {
        String patient = name("Putri Kutim");
        String id = appealWithLedger("64.08", patient);

        HttpResponse<String> raw = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(LocalApi.baseUrl() + "/a/" + id)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        String html = raw.body();
        assertThat(meta(html, "og:title")).isEqualTo("Bantu " + patient);
        assertThat(meta(html, "og:description")).contains("Kabupaten Kutai Timur").contains("Rp 170.000").contains("Rp 25.000.000");
        String og = meta(html, "og:title") + meta(html, "og:description");
        assertThat(og).doesNotContain("Perdarahan", "Hb rendah", "Soekarno", "Siska", "+62", "2020-09-24", "640801240920");
        assertThat(html).contains("<h1 id=\"heading\">Bantu " + patient + "</h1>", "Perdarahan otak, Hb rendah", "RSUD Kudungga",
                "Rp 170.000 terkumpul dari Rp 25.000.000", "2 donasi");
        assertThat(html).doesNotContain("Soekarno", "Siska", "+6281234567890", "2020-09-24", "640801240920", "tetangga");
        // the first screen is whole without scripts: the donate form shown, the ledger's totals and entries in place
        assertThat(html).contains("<form id=\"donate\" class=\"card\" novalidate>", "<dd class=\"money\">Rp 170.000</dd>",
                "<li id=\"e1\">", "Donasi dari Budi", "+Rp 50.000", "“Semoga lekas sembuh”",
                "<li id=\"e3\" class=\"out\">", "Disalurkan ke RSUD Kudungga", "−Rp 100.000", "ref. TRF-0001");

        HttpResponse<String> missing = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(LocalApi.baseUrl() + "/a/doesNotExist0000000000")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Galang dana tidak ditemukan");
    }

    @Test
    void appealPage_showsTheLedger_andTheBrowsersHashIsTheV11Rule() {
        String patient = name("Raka Samarinda");
        String id = appealWithLedger("64.72", patient);
        List<JsonNode> items = LocalApi.allLedgerItems(id);

        browser.open("/a/" + id);
        browser.awaitVisible("#ledger li#e3");
        String ledger = browser.find("#ledger").getText();
        assertThat(ledger).contains("Donasi dari Budi", "+Rp 50.000", "+Rp 120.000", "Semoga lekas sembuh",
                "Disalurkan ke RSUD Kudungga", "−Rp 100.000", "ref. TRF-0001");
        assertThat(browser.find("#totals").getText()).contains("Rp 170.000", "Rp 100.000", "Rp 70.000");
        assertThat(browser.find("#csv").getAttribute("href")).endsWith("/appeals/" + id + "/ledger.csv");

        // The browser's hash function against this test's own reading of API.md v1.1, entry by entry.
        for (JsonNode e : items) {
            Object inBrowser = browser.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    import('/js/ledger.js').then(m => m.entryHash(JSON.parse(arguments[0]))).then(done, e => done(String(e)));
                    """, e.toString());
            assertThat(inBrowser).as("browser hash of entry %s", e.get("seq")).isEqualTo(Ledgers.v11(e, e.get("prevHash").asText()));
        }
        browser.awaitVisible("#chain .badge:not([data-i18n]), #chain .alert");
        browser.check("02-appeal-ledger");

        assertThat(browser.awaitVisible("#chain-ok").getText()).contains("Rantai terverifikasi");
        browser.weight().assertWithinBudget("/a/{id}");
    }

    /**
     * Lighthouse's CLS: nothing on the screen moves while the pages load, at the top and at a ledger entry (where a
     * receipt's link lands). Shifts come from what the scripts add or show: the language switch, the donate form, the
     * ledger's entries and verdict, the home page's list.
     */
    @Test
    void publicPages_doNotMove_whileTheirScriptsFillThemIn() {
        String patient = name("Sari Penajam");
        String id = appealWithLedger("64.09", patient);
        for (boolean slow : new boolean[] {true, false}) {
            if (slow) {
                browser.slowPhone();
            }
            try {
                browser.open("/a/" + id);
                browser.awaitVisible("#chain-ok");
                browser.assertNothingMoved();
                // what the page shows is what the browser verified
                assertThat(browser.find("#ledger").getText()).contains("Donasi dari Budi", "+Rp 50.000", "Disalurkan ke RSUD Kudungga");

                browser.open("/a/" + id + "#e3");
                browser.awaitVisible("#chain-ok");
                browser.assertNothingMoved();

                browser.open("/");
                browser.awaitVisible("#appeals a[href='/a/" + id + "']");
                browser.assertNothingMoved();
            } finally {
                browser.normalPhone();
            }
        }
    }

    /** A ledger longer than the page serves: the first entries come with the page; all are verified, the rest drawn on request or to a linked entry. */
    @Test
    void appealPage_servesTheFirstEntries_verifiesAll_andDrawsTheRestOnRequest_inOrder() throws Exception {
        String id = appealWithLedger("64.11", name("Lestari Paser"));
        for (int i = 0; i < 20; i++) {
            JsonNode pledge = LocalApi.pledge(id, 10_000 + i);
            assertThat(LocalApi.settle(pledge.get("orderId").asText(), 10_000 + i)).isEqualTo(200);
        }
        String html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(LocalApi.baseUrl() + "/a/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("<li id=\"e1\">", "<li id=\"e20\">").doesNotContain("<li id=\"e21\"");

        browser.open("/a/" + id);
        assertThat(browser.awaitVisible("#chain-ok").getText()).contains("Rantai terverifikasi");
        assertThat(browser.find("#chain").getText()).contains("23 entri dihitung ulang");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.js("return [...document.querySelectorAll('#ledger > li')].map(li => li.id)");
        assertThat(ids).hasSize(20).startsWith("e1", "e2", "e3").endsWith("e20"); // all 23 verified, 20 drawn
        browser.assertNothingMoved();

        WebElement more = browser.find("#ledger-more");
        assertThat(more.getText()).isEqualTo("Tampilkan 3 entri berikutnya");
        more.click();
        @SuppressWarnings("unchecked")
        List<String> all = (List<String>) browser.js("return [...document.querySelectorAll('#ledger > li')].map(li => li.id)");
        assertThat(all).hasSize(23).startsWith("e1", "e2", "e3").endsWith("e21", "e22", "e23");
        assertThat(browser.find("#e23").getText()).contains("+Rp 10.019");
        assertThat(more.isDisplayed()).isFalse();

        // a receipt's witness link draws the list down to its entry
        browser.open("/a/" + id + "#e22");
        assertThat(browser.awaitVisible("#e22").getText()).contains("#22");
    }

    @Test
    void appealPage_verifiesAV11Chain_andSaysRantaiRusak_whenAnEntryIsEditedInStorage() {
        String id = appealWithLedger("64.71", name("Dewi Balikpapan"));
        List<JsonNode> items = LocalApi.allLedgerItems(id);

        browser.open("/a/" + id);
        assertThat(browser.awaitVisible("#chain-ok").getText()).contains("Rantai terverifikasi");
        assertThat(browser.find("#chain").getText()).contains("3 entri dihitung ulang");
        browser.screenshot("03-appeal-chain-verified");

        Ledgers.tamper(id, 1, Map.of("amount", AttributeValue.fromN("5000000")));
        browser.open("/a/" + id);
        WebElement alert = browser.awaitVisible("#chain .alert");

        assertThat(alert.getAttribute("role")).isEqualTo("alert");
        assertThat(alert.getText()).contains("Rantai rusak", "entri #1");
        assertThat(browser.driver.findElements(By.id("chain-ok"))).isEmpty();
        assertThat(browser.find("#chain-warning").getText()).contains("Rantai rusak");
        assertThat(browser.find("#e1").getAttribute("class")).contains("broken");
        browser.check("04-appeal-chain-broken");
    }

    @Test
    void receipt_pollsUntilSettled_andLinksToItsLedgerEntry() {
        String id = LocalApi.submit("64.74", name("Bima Bontang"), 10_000_000);
        assertThat(LocalApi.decide(LocalApi.token("web-receipt", "officer:64.74"), id, "VERIFY", null, null).status()).isEqualTo(200);
        JsonNode pledge = LocalApi.pledge(id, 75_000);

        browser.open("/donasi/" + pledge.get("id").asText());
        browser.awaitText("#r-state", "Menunggu pembayaran");
        browser.check("05-receipt-pending");

        assertThat(LocalApi.settle(pledge.get("orderId").asText(), 75_000)).isEqualTo(200);
        browser.awaitText("#r-state", "Berhasil dibayar");
        WebElement link = browser.awaitVisible("#w-link");

        assertThat(browser.find("#r-amount").getText()).isEqualTo("Rp 75.000");
        assertThat(browser.find("#w-seq").getText()).isEqualTo("#1");
        assertThat(browser.find("#w-hash").getText()).matches("[0-9a-f]{64}");
        assertThat(link.getAttribute("href")).endsWith("/a/" + id + "#e1");
        browser.check("06-receipt-settled");
        browser.weight().assertWithinBudget("/donasi/{id}"); // reloads the page

        browser.awaitVisible("#w-link").click();
        browser.awaitVisible("#ledger li#e1");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#e1");
    }

    @Test
    void english_isOneSwitchAway() {
        browser.open("/");
        browser.awaitVisible("#lang").click();
        browser.awaitText("h1", "Verified medical appeals");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.check("07-home-english");
        browser.find("#lang").click();
        browser.awaitText("h1", "Galang dana medis");
    }

    private static String meta(String html, String property) {
        Matcher m = Pattern.compile("<meta property=\"" + Pattern.quote(property) + "\" content=\"([^\"]*)\">").matcher(html);
        assertThat(m.find()).as(property).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
