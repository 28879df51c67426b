package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless at phone size (360×740), driven through the system's chromedriver; Selenium Manager
 * never runs (the driver and the browser are named). Screenshots go to {@code local/target/screenshots/}.
 * Fails, never skips, when chromium or chromedriver is missing.
 */
final class Browser implements AutoCloseable, AfterAllCallback {
    static final int WIDTH = 360;
    static final int HEIGHT = 740;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE_VERSION = "4.6.3";
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final String base;

    Browser() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need Debian's chromium and chromedriver (/usr/bin/chromium, "
                    + "/usr/bin/chromedriver): apt-get install -y chromium chromium-driver");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=id-ID", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--metrics-recording-only");
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 1.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()) // the driver's log may quote what was typed
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // A page that has not loaded in a minute fails with the driver's own message, well before its client's
        // three-minute read timeout would end the command with none.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.base = LocalApi.baseUrl();
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    WebElement awaitVisible(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until the element's text contains {@code text}; answers the element. */
    WebElement awaitText(String css, String text) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text) ? found.get(0) : null;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * The whole page at phone width, saved as {@code target/screenshots/<name>.png}, and screen by screen (740 px
     * each, as a person scrolls through it) as {@code <name>-1.png}, {@code <name>-2.png}, ...
     */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            try (var old = Files.newDirectoryStream(SCREENSHOTS, name + "-*.png")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
            int height = Math.min(((Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).intValue(), 8000);
            try {
                Files.write(file, capture(0, height));
                for (int y = 0, n = 1; y < height && height > HEIGHT; y += HEIGHT, n++) {
                    Files.write(SCREENSHOTS.resolve(name + "-" + n + ".png"), capture(y, Math.min(HEIGHT, height - y)));
                }
            } catch (RuntimeException e) {
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] capture(int y, int height) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", y, "width", WIDTH, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Nothing wider than the phone: the page never scrolls sideways at 360 px. */
    void assertNoHorizontalScroll() {
        Number width = (Number) js("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("document width at %d px (%s)", WIDTH, driver.getCurrentUrl()).isLessThanOrEqualTo(WIDTH);
    }

    /** axe-core run in the page: no violation of serious or critical impact. */
    void assertAccessible() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource());
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) jsAsync("""
                const done = arguments[arguments.length - 1];
                // not into frames: the only ones are officers' document viewers, whose content is the uploaded file
                axe.run(document, {resultTypes: ['violations'], iframes: false}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))),
                  e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        assertThat(violations).as("serious or critical accessibility violations on %s", driver.getCurrentUrl()).isEmpty();
    }

    private static String axeSource() {
        String path = "/META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js";
        try (InputStream in = Browser.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("axe-core " + AXE_VERSION + " is not on the test classpath (" + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the page fetched while it loaded (images excluded): the bytes on the wire of its scripts and of
     * everything, as the browser's resource timing reports them (encodedBodySize: gzip bodies).
     */
    Weight weight() {
        // A cold load: nothing from the cache (a cached file would not be counted), then wait for the page to settle.
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.navigate().refresh();
        long seen = -1;
        for (int quiet = 0; quiet < 3; ) {
            long now = ((Number) js("return document.readyState === 'complete' ? performance.getEntriesByType('resource').length : -1")).longValue();
            quiet = now >= 0 && now == seen ? quiet + 1 : 0;
            seen = now;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) js("""
                const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                    .filter(e => e.initiatorType !== 'img' && !/\\.(png|jpe?g|gif|webp|svg|ico)(\\?|$)/.test(e.name));
                const js = all.filter(e => /\\.m?js(\\?|$)/.test(e.name));
                const sum = (list) => list.reduce((n, e) => n + e.encodedBodySize, 0);
                return {js: sum(js), all: sum(all), files: all.map(e => e.name.split('#')[0].replace(location.origin, '') + ' ' + e.encodedBodySize)};
                """);
        return new Weight(((Number) w.get("js")).longValue(), ((Number) w.get("all")).longValue(), String.valueOf(w.get("files")));
    }

    record Weight(long js, long all, String files) {
        void assertWithinBudget(String page) {
            System.out.printf("page weight %s: JS %.1f KiB, all %.1f KiB (gzip bodies)%n", page, js / 1024.0, all / 1024.0);
            assertThat(js).as("JS of %s (gzip): %s", page, files).isLessThanOrEqualTo(60 * 1024);
            assertThat(all).as("everything %s fetched (gzip): %s", page, files).isLessThanOrEqualTo(100 * 1024);
        }
    }

    /**
     * The layout shifts of the page since it began to load, as chromium's Layout Instability API reports them (what
     * Lighthouse's CLS adds up), each with the elements that moved; shifts right after input are left out.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> layoutShifts() {
        return (List<Map<String, Object>>) jsAsync("""
                const done = arguments[arguments.length - 1];
                const seen = [];
                const o = new PerformanceObserver((list) => seen.push(...list.getEntries()));
                o.observe({type: 'layout-shift', buffered: true});
                setTimeout(() => {
                  seen.push(...o.takeRecords());
                  o.disconnect();
                  const name = (n) => !n ? '?' : n.nodeType !== 1 ? n.nodeName
                      : n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ').join('.') : '');
                  done(seen.filter(e => !e.hadRecentInput).map(e => ({value: e.value, at: Math.round(e.startTime),
                      moved: e.sources.map(s => name(s.node) + ' y ' + Math.round(s.previousRect.y) + '->' + Math.round(s.currentRect.y)).join(', ')})));
                }, 300);
                """);
    }

    /**
     * Until {@link #normalPhone()}: the phone Lighthouse emulates (412×823 at 1.75 dppx), its CPU four times slower and
     * 150 ms on every request, so that what the scripts fetch arrives after the first paint, as on a real phone (on
     * loopback at full speed it often comes before, and a shift would go unseen).
     */
    void slowPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 412, "height", 823,
                "deviceScaleFactor", 1.75, "mobile", true));
        driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Back to this class's phone: 360×740, full speed. */
    void normalPhone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                "deviceScaleFactor", 1.0, "mobile", true));
        driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Nothing on the screen moved while the page loaded and its scripts filled it in. */
    void assertNothingMoved() {
        List<Map<String, Object>> shifts = layoutShifts();
        double total = shifts.stream().mapToDouble(s -> ((Number) s.get("value")).doubleValue()).sum();
        assertThat(total).as("layout shift on %s: %s", driver.getCurrentUrl(), shifts).isLessThan(0.001);
    }

    /** Every check a page must pass at phone size: screenshot, accessibility, no sideways scrolling. */
    void check(String screenshot) {
        screenshot(screenshot);
        assertNoHorizontalScroll();
        assertAccessible();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Registered as a test class's extension ({@code @RegisterExtension static final Browser browser}): quits after its tests. */
    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
