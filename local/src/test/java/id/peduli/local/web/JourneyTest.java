package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole life of one appeal in a phone-sized chromium, every page checked (axe-core, no sideways scrolling):
 * a reporter in Bontang reports a patient who lives in Kutai Timur and uploads a KTP photo and a doctor's letter
 * straight to S3 through the presigned URLs; the tracking page shows both; Bontang's officer refers the appeal to
 * Kutai Timur, whose officer opens the documents in place and verifies it; a donor finds it on the home page and
 * pays through the payment sandbox, once with Midtrans and once with Xendit, coming back to a settled receipt with
 * its ledger witness; the back button after paying never makes a second pledge.
 * Needs: chromium and chromium-driver; starts the local stack (with its S3 and payment sandbox) in-process.
 */
class JourneyTest {
    @RegisterExtension
    static final Browser browser = new Browser();
    @TempDir
    static Path files;

    @Test
    void reportWithTwoDocuments_referral_verification_andDonationsThroughBothProviders() throws Exception {
        String patient = "Putra Sangatta " + ThreadLocalRandom.current().nextInt(1000, 10000);

        // ---- (a) the reporter, in Bontang, reports and uploads two documents from the phone
        String nik = nik(LocalDate.of(2019, 3, 15));
        browser.open("/lapor");
        browser.awaitVisible("#p-name").sendKeys(patient);
        browser.find("#p-nik").sendKeys(nik);
        browser.js("document.getElementById('p-birth').value = '2019-03-15'");
        browser.find("#p-address").sendKeys("Jl. Yos Sudarso 12, Sangatta");
        new Select(browser.find("#r-province")).selectByValue("64");
        browser.await(d -> browser.find("#r-regency").isEnabled());
        new Select(browser.find("#r-regency")).selectByValue("64.74"); // the reporter's guess: Bontang
        browser.find("#diagnosis").sendKeys("Talasemia, butuh transfusi rutin");
        browser.find("#hospital").sendKeys("RSUD Kudungga");
        browser.find("#story").sendKeys("Anak 5 tahun, transfusi darah tiap bulan.");
        new Select(browser.find("#bpjs")).selectByValue("NONE");
        browser.find("#target").sendKeys("20000000");
        browser.find("#rep-name").sendKeys("Siska");
        browser.find("#rep-phone").sendKeys("+6281234567890");
        browser.find("#report-submit").click();
        browser.awaitVisible("#docs");
        String tracking = browser.find("#tracking-link").getAttribute("href");
        assertThat(tracking).matches(".*/lapor/[A-Za-z0-9_-]+#t=[^&]{16,}");
        LogCapture.secret(tracking.substring(tracking.indexOf("#t=") + 3));
        String id = tracking.replaceAll(".*/lapor/([A-Za-z0-9_-]+)#.*", "$1");

        upload("KTP", SampleFiles.ktpJpeg(files), 1);
        upload("MEDICAL_LETTER", SampleFiles.doctorsLetterPdf(files), 2);
        assertThat(browser.find("#uploads").getText()).contains("KTP: ktp-ayah.jpg", "Surat keterangan dokter: surat-dokter.pdf");
        browser.check("40-report-two-documents");

        browser.open(tracking.substring(LocalApi.baseUrl().length()));
        browser.awaitVisible("#t-body");
        assertThat(browser.find("#t-state").getText()).isEqualTo("Menunggu pemeriksaan");
        assertThat(browser.find("#t-region").getText()).isEqualTo("Kota Bontang");
        browser.awaitText("#t-documents", "Surat keterangan dokter");
        assertThat(browser.find("#t-documents").getText()).contains("KTP · siap diperiksa", "Surat keterangan dokter · siap diperiksa");
        assertThat(browser.driver.findElements(By.cssSelector("#t-documents li"))).hasSize(2);
        browser.check("41-tracking-two-documents");
        browser.weight().assertWithinBudget("/lapor/{id}");

        // ---- (b) Bontang's officer refers it to Kutai Timur; Kutai Timur's officer opens the documents and verifies
        Officers.signIn(browser, "siska-bontang", "64", "64.74");
        Officers.inQueue(browser, id).click();
        browser.awaitText("#c-name", patient);
        browser.awaitText("#c-documents", "siap diperiksa");
        new Select(browser.find("#d-decision")).selectByValue("REFER");
        new Select(browser.awaitVisible("#d-province")).selectByValue("64");
        browser.await(d -> browser.find("#d-regency").isEnabled());
        new Select(browser.find("#d-regency")).selectByValue("64.08");
        browser.find("#d-reason").sendKeys("Pasien warga Sangatta, Kutai Timur");
        browser.find("#d-submit").click();
        browser.awaitText("#o-message", "Kabupaten Kutai Timur");

        Officers.signIn(browser, "kutim", "64", "64.08");
        Officers.inQueue(browser, id).click();
        browser.awaitText("#c-name", patient);
        browser.awaitText("#c-documents", "Surat keterangan dokter");
        List<WebElement> views = browser.await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#c-documents button[aria-controls]"));
            return found.size() == 2 ? found : null;
        });
        views.forEach(WebElement::click);
        WebElement image = browser.awaitVisible("#c-documents img.doc-image");
        try {
            browser.await(d -> Boolean.TRUE.equals(browser.js("const i = arguments[0]; return i.complete && i.naturalWidth === 160", image)));
        } catch (RuntimeException e) {
            browser.screenshot("42-debug");
            throw new AssertionError("image: " + browser.js("const i = arguments[0]; return [i.complete, i.naturalWidth, i.src].join(' ')", image), e);
        }
        assertThat(image.getAttribute("alt")).isEqualTo("KTP — " + patient);
        WebElement frame = browser.awaitVisible("#c-documents iframe.doc-frame");
        assertThat(frame.getAttribute("title")).isEqualTo("Surat keterangan dokter — " + patient);
        byte[] letter = get(LocalApi.presigned(frame.getAttribute("src")));
        assertThat(new String(letter, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        LocalApi.presigned(image.getAttribute("src"));
        assertThat(views.get(0).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.find("#c-history").getText()).contains("Dari Kota Bontang ke Kabupaten Kutai Timur");
        browser.check("42-officer-kutim-documents-in-place");

        new Select(browser.find("#d-decision")).selectByValue("VERIFY");
        for (String check : List.of("identity", "residence", "medical", "bpjs")) {
            browser.find("#d-checks input[name=" + check + "]").click();
        }
        browser.find("#d-submit").click();
        browser.awaitText("#o-message", "diverifikasi");
        browser.check("43-officer-kutim-verified");

        // the reporter sees the referral and the verification
        browser.open(tracking.substring(LocalApi.baseUrl().length()));
        browser.awaitText("#t-state", "Terverifikasi");
        assertThat(browser.find("#t-events").getText()).contains("Pasien warga Sangatta", "Kabupaten Kutai Timur");
        browser.check("44-tracking-verified");

        // ---- (c) a donor finds it on the home page and pays through Midtrans
        browser.open("/");
        new Select(browser.awaitVisible("#province")).selectByValue("64");
        browser.await(d -> browser.find("#regency").isEnabled());
        new Select(browser.find("#regency")).selectByValue("64.08");
        browser.awaitVisible("#appeals a[href='/a/" + id + "']").click();
        browser.awaitText("#heading", patient);
        String receipt1 = donate(id, "50000", "midtrans", "Rina", 1);
        browser.check("45-receipt-midtrans-settled");

        // (e) the back button, after paying: through the (finished) payment page back to the appeal, which shows the
        // pledge already made instead of a form that would make another
        browser.driver.navigate().back();
        browser.await(d -> d.getCurrentUrl().contains("/_sandbox/pay/"));
        browser.driver.navigate().back();
        browser.await(d -> d.getCurrentUrl().endsWith("/a/" + id));
        WebElement done = browser.awaitVisible("#donate-done");
        assertThat(done.getText()).contains("Rp 50.000");
        assertThat(browser.find("#donate").isDisplayed()).isFalse();
        assertThat(browser.find("#donate-done-receipt").getAttribute("href")).endsWith(receipt1);
        assertThat(DonateFormTest.pledgesFor(id)).isEqualTo(1);
        browser.check("46-appeal-after-back-button");

        // donating again is a choice, and goes through Xendit this time
        browser.find("#donate-again").click();
        assertThat(browser.awaitVisible("#donate").isDisplayed()).isTrue();
        assertThat(browser.find("#amount").getAttribute("value")).isEmpty();
        donate(id, "75000", "xendit", "Anonim Teman", 2);
        browser.check("47-receipt-xendit-settled");
        assertThat(DonateFormTest.pledgesFor(id)).isEqualTo(2);

        browser.find("#w-link").click();
        assertThat(browser.awaitVisible("#chain-ok").getText()).contains("Rantai terverifikasi");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/a/" + id + "#e2");
        assertThat(browser.find("#ledger").getText()).contains("+Rp 50.000", "+Rp 75.000", "Donasi dari Rina");
        assertThat(browser.find("#totals").getText()).contains("Rp 125.000");
        browser.check("48-appeal-chain-verified");
    }

    /** Chooses the kind, hands the file input a real file and waits until the API says the document is READY. */
    private static void upload(String kind, Path file, int line) {
        new Select(browser.find("#doc-kind")).selectByValue(kind);
        browser.find("#doc-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#upload-submit").click();
        browser.awaitText("#uploads li:nth-child(" + line + ") [role=status]", "Terunggah");
    }

    /** The donate form → the sandbox's pay page → "Bayar" → back on the receipt, SETTLED; answers the receipt's path. */
    private static String donate(String appealId, String amount, String provider, String name, int seq) {
        browser.awaitVisible("#amount").sendKeys(amount);
        browser.find("#donor-name").sendKeys(name);
        browser.find("#message").sendKeys("Semoga lekas pulih");
        browser.find("#provider input[value=" + provider + "]").click();
        browser.find("#donate-submit").click();
        browser.await(d -> d.getCurrentUrl().contains("/_sandbox/pay/"));
        assertThat(browser.awaitVisible("h1").getText()).containsIgnoringCase(provider);
        browser.screenshot("45-sandbox-pay-" + provider);
        browser.awaitVisible("button.pay").click();
        browser.await(d -> d.getCurrentUrl().contains("/donasi/"));
        browser.awaitText("#r-state", "Berhasil dibayar");
        assertThat(browser.find("#r-provider").getText()).isEqualToIgnoringCase(provider);
        assertThat(browser.find("#w-seq").getText()).isEqualTo("#" + seq);
        assertThat(browser.find("#w-hash").getText()).matches("[0-9a-f]{64}");
        assertThat(browser.find("#w-link").getAttribute("href")).endsWith("/a/" + appealId + "#e" + seq);
        assertThat(browser.driver.findElements(By.cssSelector("#r-pay:not([hidden])"))).isEmpty();
        String path = URI.create(browser.driver.getCurrentUrl()).getPath();
        assertThat(path).matches("/donasi/[A-Za-z0-9_-]+");
        return path;
    }

    /** A NIK issued in Sangatta (64.08.01) to a boy born on {@code birth}, never used before in this run. */
    static String nik(LocalDate birth) {
        String nik = String.format("640801%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                ThreadLocalRandom.current().nextInt(1, 10000));
        LogCapture.secret(nik);
        return nik;
    }

    static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
    }
}
