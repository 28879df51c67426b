package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * Uploads on a phone that loses its connection or its tab: a tab closed while the file was on its way leaves an
 * AWAITING_UPLOAD document that blocks nothing (the tracking page says what to do, checks it again, and a new upload
 * goes through), and an upload cut off in the page is retried to the same presigned URL without announcing the
 * document twice. Needs: chromium and chromium-driver; starts the local stack in-process.
 */
class UploadRecoveryTest {
    @RegisterExtension
    static final Browser browser = new Browser();
    @TempDir
    static Path files;

    @Test
    void aTabClosedMidUpload_leavesNothingInTheWay_andACutOffUpload_isRetriedOnce() {
        LocalApi.Reported reported = LocalApi.report("64.74", "Laila Unggah");
        String tracking = "/lapor/" + reported.id() + "#t=" + reported.token();
        String home = browser.driver.getWindowHandle();

        // A second tab starts an upload whose file never leaves the phone, and is closed.
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open(tracking);
        browser.awaitVisible("#docs");
        browser.js("XMLHttpRequest.prototype.send = function () { /* the tab closes before a byte leaves */ };");
        new Select(browser.find("#doc-kind")).selectByValue("KTP");
        browser.find("#doc-file").sendKeys(SampleFiles.ktpJpeg(files).toString());
        browser.find("#upload button[type=submit]").click();
        browser.awaitText("#uploads li [role=status]", "Mengunggah");
        browser.driver.close();
        browser.driver.switchTo().window(home);

        // The tracking page lists it as awaiting its upload and says what to do next.
        browser.open(tracking);
        WebElement pending = browser.awaitVisible("#t-documents li");
        assertThat(pending.getText()).contains("KTP · menunggu unggahan", "belum selesai", "Tidak perlu dihapus");
        browser.check("50-tracking-upload-cut-off");

        // Checking again: the file never arrived, so the page points at the form, the kind already chosen.
        pending.findElement(By.xpath(".//button[normalize-space()='Periksa lagi']")).click();
        browser.awaitText("#t-documents li [role=status]", "Berkasnya belum sampai");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("doc-file");
        assertThat(new Select(browser.find("#doc-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("KTP");

        // Uploading anew goes through: the unfinished one is in nobody's way.
        browser.find("#doc-file").sendKeys(SampleFiles.ktpJpeg(files).toString());
        browser.find("#upload button[type=submit]").click();
        browser.awaitText("#uploads li:nth-child(1) [role=status]", "Terunggah");
        browser.awaitText("#t-documents", "siap diperiksa");

        // An upload cut off in the page (the connection drops once): "Coba lagi" sends the file to the same URL.
        browser.js("""
                const send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.send = function () {
                  XMLHttpRequest.prototype.send = send;
                  setTimeout(() => this.onerror(new ProgressEvent('error')), 10);
                };
                """);
        new Select(browser.find("#doc-kind")).selectByValue("MEDICAL_LETTER");
        browser.find("#doc-file").sendKeys(SampleFiles.doctorsLetterPdf(files).toString());
        browser.find("#upload button[type=submit]").click();
        WebElement line = browser.awaitVisible("#uploads li:nth-child(2)");
        browser.awaitText("#uploads li:nth-child(2) [role=status]", "Unggahan terputus");
        browser.check("51-upload-retry-offered");
        line.findElement(By.xpath(".//button[normalize-space()='Coba lagi']")).click();
        browser.awaitText("#uploads li:nth-child(2) [role=status]", "Terunggah");
        assertThat(line.findElements(By.tagName("button"))).isEmpty();

        // Three documents: the one of the closed tab still awaiting, the two that went through; none announced twice.
        browser.await(d -> d.findElements(By.cssSelector("#t-documents li")).size() == 3);
        List<String> lines = browser.driver.findElements(By.cssSelector("#t-documents li")).stream().map(WebElement::getText).toList();
        assertThat(lines).filteredOn(l -> l.contains("menunggu unggahan")).hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains("siap diperiksa")).hasSize(2);
        browser.check("52-tracking-after-recovery");
    }
}
