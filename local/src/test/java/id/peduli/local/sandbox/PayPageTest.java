package id.peduli.local.sandbox;

import static id.peduli.local.sandbox.Sandboxes.SECRET_KEY;
import static id.peduli.local.sandbox.Sandboxes.basic;
import static id.peduli.local.sandbox.Sandboxes.bytes;
import static id.peduli.local.sandbox.Sandboxes.json;
import static id.peduli.local.sandbox.Sandboxes.orderId;
import static id.peduli.local.sandbox.Sandboxes.pay;
import static id.peduli.local.sandbox.Sandboxes.snapCreate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pay page a payment link leads to, read as HTML text. Needs nothing but the JDK. */
class PayPageTest extends OnASandbox {
    @Test
    void payPage_showsTheProviderTheOrderAndTheAmountInRupiah_accessibly() {
        // given a Snap transaction of 50,000
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when the donor opens the payment link
        SandboxResponse page = page(token);

        // then an Indonesian page for small screens, saying what it is, with labelled choices
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        String html = page.bodyText();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"id\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        assertThat(title(html)).contains("Sandbox Midtrans").contains("Rp 50.000");
        assertThat(html).contains("Midtrans").contains(order).contains("Rp 50.000");
        assertThat(html).contains(">Bayar</button>").contains(">Gagal</button>").contains(">Biarkan kedaluwarsa</button>");
        assertThat(html).contains("data-outcome=\"settlement\"").contains("data-outcome=\"deny\"").contains("data-outcome=\"expire\"");
        assertThat(html).contains("<label for=\"deliver\">").contains("id=\"deliver\"");
        assertThat(html).contains("role=\"status\"");
    }

    @Test
    void payPage_escapesEverythingThatCameFromARequest() {
        // given an invoice whose external_id, description and redirect carry markup and quotes
        String hostile = "<script>alert(\\\"x\\\")</script>&'";
        String body = "{\"external_id\":\"" + hostile + "\",\"amount\":50000,"
                + "\"description\":\"Bantu \\\"Siti\\\" <b>sekarang</b>\","
                + "\"success_redirect_url\":\"https://web.example/donasi/d1?a=1&b='x'\"}";
        JsonNode invoice = json(sandbox.handle("POST", "/_sandbox/xendit/v2/invoices", null, basic(SECRET_KEY), bytes(body)));
        assertThat(invoice.path("status").asText()).isEqualTo("PENDING");

        // when its pay page is opened
        String html = page(invoice.path("id").asText()).bodyText();

        // then nothing of it is markup: it is all text, and the only script is the page's own
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>sekarang");
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
        assertThat(html).contains("Bantu &quot;Siti&quot; &lt;b&gt;sekarang&lt;/b&gt;");
        assertThat(html).contains("https://web.example/donasi/d1?a=1&amp;b=&#39;x&#39;");
        assertThat(count(html, "<script")).isEqualTo(1);
    }

    @Test
    void payPage_isAllowedExactlyItsOwnScriptAndStyle_byItsContentSecurityPolicy() throws Exception {
        // given a pay page
        String token = json(snapCreate(sandbox, orderId(), 50_000)).path("token").asText();

        // when it is served
        SandboxResponse page = page(token);

        // then its policy names the hashes of the inline script and style it carries, and allows nothing else
        String policy = page.headers().get("content-security-policy");
        assertThat(policy).contains("default-src 'none'").contains("connect-src 'self'");
        assertThat(policy).contains("'sha256-" + sha256(between(page.bodyText(), "<script>", "</script>")) + "'");
        assertThat(policy).contains("'sha256-" + sha256(between(page.bodyText(), "<style>", "</style>")) + "'");
        assertThat(page.headers()).containsEntry("x-content-type-options", "nosniff").containsEntry("cache-control", "no-store");
    }

    @Test
    void payPage_sendsTheBrowserToTheFinishRedirect_asSnapDoes_withTheOrderAndItsOutcome() {
        // given a Snap transaction with callbacks.finish
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when its page is read
        JsonNode redirects = redirects(page(token).bodyText());

        // then each choice leads to the finish URL, told the order, status code and status
        assertThat(redirects.path("settlement").asText()).isEqualTo(
                "https://web.example/donasi/d1?order_id=" + order + "&status_code=200&transaction_status=settlement");
        assertThat(redirects.path("deny").asText()).endsWith("&status_code=202&transaction_status=deny");
        assertThat(redirects.path("expire").asText()).endsWith("&status_code=202&transaction_status=expire");
    }

    @Test
    void payPage_forAnInvoice_offersNoFail_andRedirectsAsXenditDoes() {
        // given a Xendit invoice with success and failure redirects
        String id = json(Sandboxes.invoiceCreate(sandbox, orderId(), 50_000)).path("id").asText();

        // when its page is read
        String html = page(id).bodyText();

        // then pay or expire only; paid goes to the success URL, expired to the failure URL
        assertThat(title(html)).contains("Sandbox Xendit");
        assertThat(html).contains(">Bayar</button>").contains(">Biarkan kedaluwarsa</button>").doesNotContain(">Gagal</button>");
        JsonNode redirects = redirects(html);
        assertThat(redirects.path("settlement").asText()).isEqualTo("https://web.example/donasi/d1");
        assertThat(redirects.path("expire").asText()).isEqualTo("https://web.example/donasi/d1?gagal=1");
    }

    @Test
    void payPage_ofAFinishedPayment_offersNoMoreChoices() {
        // given a paid transaction
        String token = json(snapCreate(sandbox, orderId(), 50_000)).path("token").asText();
        pay(sandbox, token, "settlement", false);

        // when its page is opened again
        String html = page(token).bodyText();

        // then it says so, offers no buttons, and links back to the donation
        assertThat(html).contains("Lunas").contains("sudah selesai").doesNotContain("data-outcome=\"").doesNotContain("<button");
        assertThat(html).contains("<a href=\"https://web.example/donasi/d1?order_id=");
    }

    @Test
    void payPage_ofAnUnknownReference_isA404Page() {
        // when a link the sandbox never gave out is opened
        SandboxResponse page = page("no-such-reference");

        // then a 404 HTML page in Indonesian
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().get("content-type")).startsWith("text/html");
        assertThat(page.bodyText()).contains("<html lang=\"id\">").contains("tidak ditemukan");
    }

    @Test
    void rupiah_isWrittenWithDotsBetweenThousands() {
        assertThat(Formats.rupiah(50_000)).isEqualTo("Rp 50.000");
        assertThat(Formats.rupiah(100_000_000)).isEqualTo("Rp 100.000.000");
        assertThat(Formats.rupiah(1_500)).isEqualTo("Rp 1.500");
        assertThat(Formats.rupiah(999)).isEqualTo("Rp 999");
        assertThat(Formats.rupiah(0)).isEqualTo("Rp 0");
    }

    private SandboxResponse page(String reference) {
        return sandbox.handle("GET", "/_sandbox/pay/" + reference, null, Map.of(), new byte[0]);
    }

    private static String title(String html) {
        return between(html, "<title>", "</title>");
    }

    private static JsonNode redirects(String html) {
        Matcher m = Pattern.compile("data-redirects=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the page carries its redirects").isTrue();
        String attribute = m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        return json(attribute);
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.indexOf(close, start);
        assertThat(start).as(open).isNotNegative();
        return text.substring(start + open.length(), end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
