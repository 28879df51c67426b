package id.peduli.local.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The officers' console as the browser tests drive it: local sign-in, and finding an appeal in the queue. */
final class Officers {
    private Officers() {}

    /** Signs in through the local issuer's form (signing out first a session still valid in this tab). */
    static void signIn(Browser browser, String sub, String province, String regency) {
        browser.open("/petugas");
        // the console's script decides which shows: the sign-in form, or the console of a session still valid
        browser.await(d -> browser.find("#signin").isDisplayed() || browser.find("#console").isDisplayed());
        if (browser.find("#console").isDisplayed()) {
            browser.find("#signout").click();
        }
        browser.awaitVisible("#s-sub").sendKeys(sub);
        new Select(browser.find("#s-province")).selectByValue(province);
        browser.await(d -> browser.find("#s-regency").isEnabled()
                && browser.find("#s-regency").findElements(By.tagName("option")).size() > 1);
        new Select(browser.find("#s-regency")).selectByValue(regency);
        browser.find("#signin button[type=submit]").click();
        browser.awaitVisible("#who");
    }

    /** The queue's link to the appeal, paging on until it shows (the queue is oldest first). */
    static WebElement inQueue(Browser browser, String appealId) {
        By link = By.cssSelector("#q-list a[href='#kasus/" + appealId + "']");
        browser.await(d -> !browser.find("#q-info").getText().startsWith("Memuat"));
        while (browser.driver.findElements(link).isEmpty() && browser.find("#q-more").isDisplayed()) {
            int before = browser.driver.findElements(By.cssSelector("#q-list li")).size();
            browser.find("#q-more").click();
            browser.await(d -> d.findElements(By.cssSelector("#q-list li")).size() > before);
        }
        return browser.driver.findElement(link);
    }
}
