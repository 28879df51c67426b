package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Html;
import id.peduli.core.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a payment link leads to: a plain, accessible stand-in for the provider's checkout. It shows who would
 * take the money, for which order and how much, and lets the person pay, fail or let it expire. The choice is posted
 * as JSON by a small script that then sends the browser to the finish redirect given at creation, as Snap and
 * Xendit do.
 *
 * <p>Everything that came from a request is escaped; the script and style are constant, so the page can carry a
 * content security policy that allows exactly them and nothing else.
 */
final class PayPage {
    private static final String STYLE = """
            body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#f6f6f6}
            main{max-width:28rem;margin:0 auto;background:#fff;border:1px solid #ccc;border-radius:8px;padding:1rem}
            h1{font-size:1.25rem;margin:0 0 .5rem}
            .note{background:#fff4ce;border-left:4px solid #b58900;padding:.5rem;margin:0 0 1rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:0 0 1rem}
            dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
            .amount{font-size:1.5rem;font-weight:700}
            .choices{display:flex;flex-direction:column;gap:.5rem}
            button{font:inherit;min-height:44px;padding:.5rem 1rem;border-radius:6px;border:2px solid #1a1a1a;background:#fff;cursor:pointer}
            button.pay{background:#0b6b2f;border-color:#0b6b2f;color:#fff}
            button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
            button:disabled{opacity:.6;cursor:wait}
            label{display:flex;gap:.5rem;align-items:flex-start;margin:0 0 1rem}
            input[type=checkbox]{width:1.25rem;height:1.25rem;margin-top:.15rem}
            """;
    private static final String SCRIPT = """
            (function () {
              var choices = document.getElementById('choices');
              var result = document.getElementById('result');
              if (!choices) { return; }
              var redirects = JSON.parse(choices.getAttribute('data-redirects') || '{}');
              var buttons = choices.querySelectorAll('button[data-outcome]');
              function enable(on) { for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = !on; } }
              for (var i = 0; i < buttons.length; i++) {
                buttons[i].addEventListener('click', function (event) {
                  var outcome = event.currentTarget.getAttribute('data-outcome');
                  var deliver = document.getElementById('deliver').checked;
                  enable(false);
                  result.textContent = 'Memproses\\u2026';
                  fetch(window.location.pathname, {
                    method: 'POST',
                    headers: {'content-type': 'application/json'},
                    body: JSON.stringify({outcome: outcome, deliver: deliver})
                  }).then(function (response) {
                    return response.json().then(function (body) { return {ok: response.ok, body: body}; });
                  }).then(function (answer) {
                    if (!answer.ok) { throw new Error(answer.body.detail || 'permintaan ditolak'); }
                    result.textContent = 'Status: ' + answer.body.status + (answer.body.delivered
                        ? ' \\u2014 notifikasi diterima server.' : ' \\u2014 notifikasi tidak diterima server.');
                    if (redirects[outcome]) { window.location.assign(redirects[outcome]); }
                  }).catch(function (error) {
                    result.textContent = 'Tidak berhasil: ' + error.message;
                    enable(true);
                  });
                });
              }
            })();
            """;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
            + sha256(STYLE) + "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private PayPage() {}

    /** What the page shows a status as. */
    static String statusLabel(Payment.State s) {
        return switch (s.status()) {
            case "pending", "PENDING" -> "Menunggu pembayaran";
            case "settlement", "PAID", "SETTLED" -> "Lunas";
            case "capture" -> "challenge".equals(s.fraudStatus()) ? "Ditinjau (challenge)" : "Lunas";
            case "deny" -> "Ditolak";
            case "cancel" -> "Dibatalkan";
            case "expire", "EXPIRED" -> "Kedaluwarsa";
            case "refund" -> "Dikembalikan";
            default -> s.status();
        };
    }

    /**
     * @param redirects where the browser goes after each outcome (absent: it stays on the page)
     * @param open      whether the transaction can still change, so the choices are offered
     */
    static String render(Payment p, Payment.State s, Map<String, String> redirects, boolean open) {
        String providerName = p.provider == Payment.Provider.MIDTRANS ? "Midtrans" : "Xendit";
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>Sandbox ").append(providerName).append(" \u2014 bayar ")
                .append(Html.escape(Formats.rupiah(p.amount))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>Sandbox ").append(providerName).append(": pembayaran uji</h1>\n")
                .append("<p class=\"note\">Halaman tiruan ").append(providerName)
                .append(" untuk pengujian di komputer sendiri. Tidak ada uang yang berpindah.</p>\n")
                .append("<dl>\n")
                .append("<dt>Penyedia</dt><dd>").append(providerName).append("</dd>\n")
                .append("<dt>Nomor pesanan</dt><dd>").append(Html.escape(p.orderId)).append("</dd>\n");
        if (p.description != null && !p.description.isBlank()) {
            html.append("<dt>Keterangan</dt><dd>").append(Html.escape(p.description)).append("</dd>\n");
        }
        html.append("<dt>Jumlah</dt><dd class=\"amount\">").append(Html.escape(Formats.rupiah(p.amount))).append("</dd>\n")
                .append("<dt>Status</dt><dd>").append(Html.escape(statusLabel(s))).append("</dd>\n")
                .append("<dt>Berlaku sampai</dt><dd>").append(Html.escape(Formats.midtransTime(p.expiresAt)))
                .append(" WIB</dd>\n</dl>\n");
        if (open) {
            ObjectNode targets = Json.object();
            redirects.forEach(targets::put);
            html.append("<label for=\"deliver\"><input type=\"checkbox\" id=\"deliver\" checked> ")
                    .append("Kirim notifikasi ke server (hapus centang untuk meniru notifikasi yang hilang)</label>\n")
                    .append("<div id=\"choices\" class=\"choices\" role=\"group\" aria-label=\"Pilih hasil pembayaran\" data-redirects=\"")
                    .append(Html.escape(Json.write(targets))).append("\">\n")
                    .append("<button type=\"button\" class=\"pay\" data-outcome=\"settlement\">Bayar</button>\n");
            if (p.provider == Payment.Provider.MIDTRANS) {
                // Xendit invoices cannot be denied: a failed attempt leaves them payable, so Xendit's page has no "Gagal".
                html.append("<button type=\"button\" data-outcome=\"deny\">Gagal</button>\n");
            }
            html.append("<button type=\"button\" data-outcome=\"expire\">Biarkan kedaluwarsa</button>\n</div>\n");
        } else {
            html.append("<p>Transaksi ini sudah selesai dan tidak dapat diubah lagi.</p>\n");
            String back = redirects.get(outcomeOf(s));
            if (back != null) {
                html.append("<p><a href=\"").append(Html.escape(back)).append("\">Kembali ke halaman donasi</a></p>\n");
            }
        }
        html.append("<p id=\"result\" role=\"status\" aria-live=\"polite\"></p>\n</main>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The pay-page outcome that leads to a final state: which redirect a finished transaction links back to. */
    private static String outcomeOf(Payment.State s) {
        return switch (s.status()) {
            case "settlement", "PAID", "SETTLED", "refund" -> "settlement";
            case "deny" -> "deny";
            case "cancel" -> "cancel";
            default -> "expire";
        };
    }

    static String notFound() {
        return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Sandbox pembayaran \u2014 tidak ditemukan</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n<h1>Pembayaran tidak ditemukan</h1>\n"
                + "<p>Tautan pembayaran ini tidak dikenal oleh sandbox. Mungkin sandbox sudah dimulai ulang; buat donasi baru.</p>\n"
                + "</main>\n</body>\n</html>\n";
    }

    /** Where the browser goes after each outcome, as the provider would send it there. */
    static Map<String, String> redirects(Payment p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (p.provider == Payment.Provider.MIDTRANS) {
            if (p.successUrl != null) {
                // Snap appends the order and its outcome to the finish URL.
                out.put("settlement", snapFinish(p, "200", "settlement"));
                out.put("deny", snapFinish(p, "202", "deny"));
                out.put("expire", snapFinish(p, "202", "expire"));
                out.put("cancel", snapFinish(p, "202", "cancel"));
                out.put("challenge", snapFinish(p, "201", "capture"));
            }
        } else {
            if (p.successUrl != null) {
                out.put("settlement", p.successUrl);
            }
            if (p.failureUrl != null) {
                out.put("expire", p.failureUrl);
            }
        }
        return out;
    }

    private static String snapFinish(Payment p, String statusCode, String transactionStatus) {
        String separator = p.successUrl.contains("?") ? "&" : "?";
        return p.successUrl + separator + "order_id=" + URLEncoder.encode(p.orderId, StandardCharsets.UTF_8)
                + "&status_code=" + statusCode + "&transaction_status=" + transactionStatus;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
