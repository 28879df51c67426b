package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The officers' console: Bontang's officer refers an appeal to Kutai Timur, Kutai Timur's officer verifies it, the
 * province's officer records a disbursement; refusals are said in words. Needs: chromium and chromium-driver;
 * starts the local stack in-process.
 */
class OfficerConsoleTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    private static void signIn(String sub, String province, String regency) {
        Officers.signIn(browser, sub, province, regency);
    }

    private static WebElement inQueue(String appealId) {
        return Officers.inQueue(browser, appealId);
    }

    @Test
    void bontangRefersToKutaiTimur_kutimVerifies_theProvinceDisburses() {
        String patient = "Muhammad Rujukan " + System.nanoTime() % 10000;
        String id = LocalApi.submit("64.74", patient, 25_000_000);

        // Bontang's officer signs in and finds the appeal in the queue.
        signIn("siska-bontang", "64", "64.74");
        assertThat(browser.find("#who").getText()).contains("siska-bontang", "Kota Bontang");
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("eyJ");
        inQueue(id);
        browser.check("20-officer-bontang-queue");

        // The officer view: identity and reporter, then the referral to Kutai Timur.
        inQueue(id).click();
        browser.awaitText("#c-name", patient);
        assertThat(browser.find("#c-identity").getText()).contains("NIK", "2020-09-24", "Soekarno Hatta");
        assertThat(browser.find("#c-reporter").getText()).contains("Siska", "+6281234567890");
        // The documents route may not be deployed yet: the rest of the view works without it.
        browser.await(d -> !browser.find("#c-documents").getText().startsWith("Memuat"));
        new Select(browser.find("#d-decision")).selectByValue("REFER");
        new Select(browser.awaitVisible("#d-province")).selectByValue("64");
        browser.await(d -> browser.find("#d-regency").isEnabled());
        new Select(browser.find("#d-regency")).selectByValue("64.08");
        browser.find("#d-reason").sendKeys("Pasien warga Sangatta, Kutai Timur");
        browser.check("21-officer-bontang-refer");
        browser.find("#d-submit").click();

        assertThat(browser.awaitText("#o-message", "Kabupaten Kutai Timur").getText()).contains("dirujuk");
        browser.await(d -> !browser.find("#q-info").getText().startsWith("Memuat"));
        assertThat(browser.driver.findElements(By.cssSelector("#q-list a[href='#kasus/" + id + "']"))).isEmpty();

        // It is no longer Bontang's: opening it is refused in words.
        browser.js("location.hash = arguments[0]", "#kasus/" + id);
        assertThat(browser.awaitText("#o-message", "di luar wilayah tugas Anda").isDisplayed()).isTrue();
        browser.check("22-officer-bontang-forbidden");

        // Kutai Timur's officer verifies it.
        signIn("kutim", "64", "64.08");
        inQueue(id).click();
        browser.awaitText("#c-name", patient);
        assertThat(browser.find("#c-history").getText()).contains("Dirujuk", "Dari Kota Bontang ke Kabupaten Kutai Timur",
                "siska-bontang", "Pasien warga Sangatta");
        new Select(browser.find("#d-decision")).selectByValue("VERIFY");
        for (String check : List.of("identity", "residence", "medical", "bpjs")) {
            browser.find("#d-checks input[name=" + check + "]").click();
        }
        browser.screenshot("23-officer-kutim-verify");
        browser.find("#d-submit").click();
        browser.awaitText("#o-message", "diverifikasi");
        assertThat(browser.find("#c-status").getText()).isEqualTo("Terverifikasi, menerima donasi");
        browser.check("24-officer-kutim-verified");
        assertThat(LocalApi.getJson("/appeals/" + id).get("status").asText()).isEqualTo("VERIFIED");

        // Donations come in; the province's officer (officer:64) records the payout to the hospital.
        JsonNode pledge = LocalApi.pledge(id, 200_000);
        assertThat(LocalApi.settle(pledge.get("orderId").asText(), 200_000)).isEqualTo(200);
        signIn("kaltim", "64", "");
        assertThat(browser.find("#who").getText()).contains("Kalimantan Timur");
        new Select(browser.find("#q-status")).selectByValue("VERIFIED");
        inQueue(id).click();
        browser.awaitText("#c-balance", "Rp 200.000");
        browser.find("#b-amount").sendKeys("150000");
        assertThat(browser.find("#b-amount").getAttribute("value")).isEqualTo("150.000");
        browser.find("#b-recipient").sendKeys("RSUD Kudungga");
        browser.find("#b-reference").sendKeys("TRF-7788");
        browser.find("#b-note").sendKeys("Biaya transfusi darah");
        browser.find("#b-submit").click();
        assertThat(browser.awaitText("#o-message", "tercatat sebagai entri #2").getText()).contains("Rp 150.000", "RSUD Kudungga");
        browser.awaitText("#c-balance", "Rp 50.000");
        browser.check("25-officer-province-disbursed");

        // More than the balance: refused, and said so.
        browser.find("#b-amount").sendKeys("100000");
        browser.find("#b-recipient").sendKeys("RSUD Kudungga");
        browser.find("#b-reference").sendKeys("TRF-7789");
        browser.find("#b-submit").click();
        assertThat(browser.awaitVisible("#disburse .form-alert").getText()).contains("melebihi saldo");
        browser.check("26-officer-province-over-balance");
        browser.weight().assertWithinBudget("/petugas");

        // The public ledger shows the payout as such.
        browser.open("/a/" + id);
        assertThat(browser.awaitText("#ledger", "Disalurkan ke RSUD Kudungga").getText()).contains("Biaya transfusi darah");
    }

    @Test
    void anExpiredSession_asksToSignInAgain() {
        browser.open("/petugas");
        // let this page's script settle first: still loading, it would read (and drop) the session written next
        browser.await(d -> browser.find("#signin").isDisplayed() || browser.find("#console").isDisplayed());
        browser.js("sessionStorage.setItem('peduli.officer', JSON.stringify({token: 'x.eyJzdWIiOiJ4In0.y', "
                + "exp: Math.floor(Date.now() / 1000) + 600, sub: 'x', groups: ['officer:64.74']}))");
        browser.open("/petugas");
        try {
            browser.awaitText("#o-message", "Sesi Anda berakhir");
        } catch (RuntimeException e) {
            throw new AssertionError("no expiry message; the page shows: " + browser.js(
                    "return document.getElementById('o-message').outerHTML + ' | ' + document.getElementById('q-info').outerHTML"), e);
        }
        assertThat(browser.awaitVisible("#signin").isDisplayed()).isTrue();
        assertThat(browser.js("return sessionStorage.getItem('peduli.officer')")).isNull();
    }
}
