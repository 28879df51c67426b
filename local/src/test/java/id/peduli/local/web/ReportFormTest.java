package id.peduli.local.web;

import id.peduli.local.testkit.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * Reporting a patient (/lapor): the browser's NIK checks at their fields, then a report the API accepts, with the
 * tracking link whose token stays in the URL fragment. Uploads and the tracking page join when the documents and
 * tracking routes land (uploads.js and tracking.js are written against API.md v1.1).
 * Needs: chromium and chromium-driver; starts the local stack in-process.
 */
class ReportFormTest {
    private static final String NIK_OF_A_GIRL = "6474016409200007"; // Bontang, born 24-09-2020, day + 40
    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeAll
    static void start() {
        LogCapture.secret(NIK_OF_A_GIRL);
        LogCapture.secret("081298765432");
    }

    @Test
    void nikRules_areCheckedAtTheField_thenTheReportIsSent() {
        browser.open("/lapor");
        browser.awaitVisible("#p-name").sendKeys("Aisyah Pelapor");
        browser.find("#p-nik").sendKeys("9974010000000000");
        browser.js("const b = document.getElementById('p-birth'); b.value = '2020-09-24';");
        browser.find("#report-submit").click();

        String nikErrors = browser.awaitVisible("#p-nik-error:not(:empty)").getText();
        assertThat(nikErrors).contains("kode wilayah 99.74 tidak dikenal", "tanggal lahir", "0000");
        assertThat(browser.find("#p-nik").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#r-regency-error").getText()).contains("kabupaten/kota");
        assertThat(browser.find("#rep-phone-error").getText()).contains("+62");
        browser.check("30-report-errors");

        browser.find("#p-nik").clear();
        browser.find("#p-nik").sendKeys("6474014409200007"); // day 44 = a woman born on the 4th: disagrees with the 24th
        browser.find("#report-submit").click();
        browser.awaitText("#p-nik-error", "tidak sama dengan tanggal lahir");

        browser.find("#p-nik").clear();
        browser.find("#p-nik").sendKeys(NIK_OF_A_GIRL);
        browser.find("#p-address").sendKeys("Jl. Cendana 4, Bontang");
        new Select(browser.find("#r-province")).selectByValue("64");
        browser.await(d -> browser.find("#r-regency").isEnabled());
        new Select(browser.find("#r-regency")).selectByValue("64.74");
        browser.find("#diagnosis").sendKeys("Demam berdarah");
        browser.find("#hospital").sendKeys("RSUD Taman Husada");
        browser.find("#story").sendKeys("Anak 6 tahun dirawat di ICU.");
        new Select(browser.find("#bpjs")).selectByValue("INACTIVE");
        browser.find("#target").sendKeys("15000000");
        assertThat(browser.find("#target").getAttribute("value")).isEqualTo("15.000.000");
        browser.find("#rep-name").sendKeys("Rahmat");
        browser.find("#rep-phone").sendKeys("081298765432");
        browser.find("#report-submit").click();

        browser.awaitVisible("#after");
        assertThat(browser.find("#after").getText()).contains("Laporan terkirim");
        if (browser.find("#keep-link").isDisplayed()) {
            // API v1.1: the answer carries the reporter token, which goes only into the link's fragment
            assertThat(browser.find("#tracking-link").getAttribute("href")).matches(".*/lapor/[A-Za-z0-9_-]+#t=[^&]{16,}");
            assertThat(browser.find("#docs").isDisplayed()).isTrue();
        } else {
            // before the tracking routes land: no broken link, just the thanks
            assertThat(browser.find("#no-tracking").getText()).contains("Petugas Dinas Sosial");
            assertThat(browser.find("#tracking-go").isDisplayed()).isFalse();
        }
        browser.check("31-report-sent");
        browser.weight().assertWithinBudget("/lapor");
    }

    @Test
    void trackingPage_withoutItsToken_saysTheLinkIsIncomplete() {
        browser.open("/lapor/abcdefghijklmnopqrstuv");
        browser.awaitText("#t-status", "Tautan ini tidak lengkap");
        browser.check("32-tracking-no-token");
    }
}
