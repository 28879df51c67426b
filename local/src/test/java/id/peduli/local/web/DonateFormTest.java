package id.peduli.local.web;

import id.peduli.core.store.dynamodb.Keys;
import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.store.dynamodb.Dynamo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The donate form on the appeal page: errors at their fields (the browser's own checks and the API's pointers),
 * and a double click that makes one pledge. Needs: chromium and chromium-driver; starts the local stack in-process.
 */
class DonateFormTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    private static String verifiedAppeal(String patient) {
        String id = LocalApi.submit("64.74", patient, 10_000_000);
        assertThat(LocalApi.decide(LocalApi.token("web-donate", "officer:64.74"), id, "VERIFY", null, null).status()).isEqualTo(200);
        return id;
    }

    @Test
    void errors_areShownAtTheirFields_fromTheBrowsersChecks_andFromTheApisPointers() {
        String id = verifiedAppeal("Citra Donasi");
        browser.open("/a/" + id);
        WebElement amount = browser.awaitVisible("#amount");
        assertThat(browser.find("label[for=amount]").getText()).isEqualTo("Jumlah donasi");

        amount.sendKeys("5000");
        browser.find("#email").sendKeys("bukan-email");
        browser.find("#donate-submit").click();

        assertThat(browser.awaitText("#amount-error", "Minimal donasi Rp 10.000").isDisplayed()).isTrue();
        assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#email-error").getText()).contains("email");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("amount");
        browser.check("10-donate-client-errors");

        // A message too long for the API (the field's maxlength lifted, as an old browser might ignore it):
        // the API's problem points at /message and the page shows it there.
        amount.clear();
        browser.find(".picks button[data-amount='50000']").click();
        assertThat(amount.getAttribute("value")).isEqualTo("50.000");
        browser.find("#email").clear();
        browser.js("document.getElementById('message').removeAttribute('maxlength')");
        browser.js("document.getElementById('message').value = 'x'.repeat(300)");
        browser.find("#donate-submit").click();

        WebElement messageError = browser.awaitVisible("#message-error:not(:empty)");
        assertThat(messageError.getText()).isNotBlank();
        assertThat(browser.find("#message").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#amount").getAttribute("aria-invalid")).isNull();
        browser.check("11-donate-server-errors");
    }

    @Test
    void aDoubleClick_makesOnePledge_andLeadsToPayment() {
        String id = verifiedAppeal("Dimas Donasi");
        browser.open("/a/" + id);
        browser.awaitVisible("#amount").sendKeys("25000");
        browser.find("#donor-name").sendKeys("Rina");
        browser.find("#message").sendKeys("Cepat sembuh ya");
        // Count the pledges the page sends, across the navigation that follows a success, and hold the first one
        // until both clicks have landed: the second click then surely meets a pledge in flight, and the page leaves
        // only after the driver's input actions have returned (a navigation in the middle of them can stall
        // chromedriver until its client times out).
        browser.js("""
                sessionStorage.setItem('pledges', '0');
                window.releasePledge = null;
                const held = new Promise(resolve => { window.releasePledge = resolve; });
                const original = window.fetch;
                window.fetch = async (url, init) => {
                  if (String(url).endsWith('/donations') && init && init.method === 'POST') {
                    sessionStorage.setItem('pledges', String(Number(sessionStorage.getItem('pledges')) + 1));
                    await held;
                  }
                  return original(url, init);
                };
                """);
        browser.screenshot("12-donate-filled");

        new Actions(browser.driver).doubleClick(browser.find("#donate-submit")).perform();
        assertThat(browser.js("return sessionStorage.getItem('pledges')")).isEqualTo("1");
        assertThat(browser.find("#donate-submit").isEnabled()).as("the button while the pledge is sent").isFalse();
        browser.js("window.releasePledge()");
        browser.await(d -> d.getCurrentUrl().contains("/donasi/") || d.getCurrentUrl().contains("/_sandbox/pay/"));

        assertThat(browser.js("return sessionStorage.getItem('pledges')")).isEqualTo("1");
        assertThat(pledgesFor(id)).isEqualTo(1);
        if (browser.driver.getCurrentUrl().contains("/donasi/")) {
            // Until pledges carry payment.url (the payment sandbox), the page falls back to the receipt.
            browser.awaitText("#r-state", "Menunggu pembayaran");
            assertThat(browser.find("#r-amount").getText()).isEqualTo("Rp 25.000");
        }
        browser.screenshot("13-donate-after-double-click");
    }

    /** Donations stored for the appeal (a scan of the local table: tests only). */
    static int pledgesFor(String appealId) {
        try (DynamoDbClient db = Dynamo.newClient()) {
            return db.scanPaginator(s -> s.tableName(LocalApi.stack().tableName())
                            .filterExpression("begins_with(pk, :d) AND appealId = :a")
                            .expressionAttributeValues(java.util.Map.of(":d", AttributeValue.fromS(Keys.DONATION_PREFIX),
                                    ":a", AttributeValue.fromS(appealId))))
                    .items().stream().mapToInt(i -> 1).sum();
        }
    }
}
