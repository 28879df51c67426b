package id.peduli.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Html;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The appeal page ({@code /a/{id}}) rendered on the server, so that the first view needs no JavaScript and a link
 * shared on WhatsApp shows a preview: the web client's {@code a.html} with its {@code {{slot}}}s filled from the
 * public view of the appeal and the Indonesian messages ({@code i18n/id.json}), every value escaped for where it
 * lands. It is only ever given the public view and the public ledger, and the Open Graph tags carry only the patient's
 * name, the region and the progress: never a NIK, birth date, address, reporter, phone or diagnosis.
 *
 * <p>Everything the first screen shows is in the served HTML, so that nothing moves when the scripts run: the donate
 * form (or the notice that the appeal takes no more donations), the ledger's totals and its first entries.
 * The scripts then recompute the chain from the API and keep each entry whose hash the API confirms.
 */
public final class AppealPage {
    /** Where the build puts the web client's files this page needs (see this module's pom). */
    static final String RESOURCES = "/id/peduli/appeals/web/";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID")).withZone(JAKARTA);
    /** As the scripts write a ledger entry's time (Intl id-ID, dateStyle medium, timeStyle short): "2 Des 2026, 20.34". */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH.mm", Locale.forLanguageTag("id-ID")).withZone(JAKARTA);

    private final String template;
    private final JsonNode messages;
    private final String notFound;

    /**
     * @param template the appeal page's HTML with {@code {{slot}}}s
     * @param messages the Indonesian messages, a flat JSON object
     * @param notFound the HTML answered when there is no public appeal with the id asked for
     */
    public AppealPage(String template, JsonNode messages, String notFound) {
        this.template = template;
        this.messages = messages;
        this.notFound = notFound;
    }

    /** The page as packaged with this function. */
    public static AppealPage fromClasspath() {
        try {
            return new AppealPage(resource("a.html"), Json.mapper().readTree(resource("i18n/id.json")), resource("404.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = AppealPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("web resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String notFound() {
        return notFound;
    }

    /**
     * The page for one appeal, from its public view (the JSON of {@code GET /appeals/{id}}) and the first page of its
     * public ledger (the JSON of {@code GET /appeals/{id}/ledger}: {@code totals} and {@code items}).
     */
    public String render(JsonNode view, JsonNode ledger) {
        String patientName = view.path("patientName").asText();
        String regionName = view.path("regionName").asText();
        long raised = view.path("raisedAmount").asLong();
        long target = view.path("targetAmount").asLong();
        String raisedText = rupiah(raised);
        String targetText = rupiah(target);

        Map<String, String> text = new HashMap<>();
        text.put("id", view.path("id").asText());
        text.put("title", message("appeal.title", Map.of("patientName", patientName)));
        text.put("heading", message("appeal.heading", Map.of("patientName", patientName)));
        text.put("ogTitle", message("og.title", Map.of("patientName", patientName)));
        text.put("ogDescription", message("og.description",
                Map.of("regionName", regionName, "raised", raisedText, "target", targetText)));
        text.put("patientName", patientName);
        text.put("regionName", regionName);
        text.put("statusText", message("status." + view.path("status").asText(), Map.of()));
        text.put("percent", Long.toString(percent(raised, target)));
        text.put("progressText", message("appeal.progress", Map.of("raised", raisedText, "target", targetText)));
        text.put("countText", message("appeal.donations", Map.of("count", Long.toString(view.path("donationCount").asLong()))));
        text.put("diagnosis", view.path("diagnosis").asText());
        text.put("hospital", view.path("hospital").asText());
        text.put("story", view.path("story").asText());
        String verifiedAt = view.path("verifiedAt").asText(null);
        text.put("verifiedAt", verifiedAt == null ? "" : DATE.format(Instant.parse(verifiedAt)));
        boolean open = view.path("status").asText().equals("VERIFIED");
        // attributes: the form where donations are taken, the notice where they are not
        text.put("donateHidden", open ? "" : " hidden");
        text.put("closedHidden", open ? " hidden" : "");
        text.put("closedText", open ? "" : message("donate.closed." + view.path("status").asText(), Map.of()));
        Map<String, String> markup = Map.of("ledgerTotals", totals(ledger.path("totals")), "ledgerItems", entries(ledger.path("items")));

        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 4096);
        while (m.find()) {
            String slot = m.group(1);
            String value;
            if (slot.equals("appealJson")) {
                value = scriptJson(view);
            } else if (markup.containsKey(slot)) {
                value = markup.get(slot); // built here, every value in it escaped
            } else if (text.containsKey(slot)) {
                value = Html.escape(text.get(slot));
            } else {
                throw new IllegalStateException("the appeal page has a slot this renderer does not fill: " + slot);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The totals as the scripts write them into {@code #totals}: term and amount, four times. */
    private String totals(JsonNode totals) {
        StringBuilder out = new StringBuilder(512);
        String[][] rows = {{"ledger.donated", "donated"}, {"ledger.refundedTotal", "refunded"},
                {"ledger.disbursedTotal", "disbursed"}, {"ledger.balance", "balance"}};
        for (String[] row : rows) {
            out.append("<dt>").append(Html.escape(message(row[0], Map.of()))).append("</dt><dd class=\"money\">")
                    .append(Html.escape(rupiah(totals.path(row[1]).asLong()))).append("</dd>");
        }
        return out.toString();
    }

    /** The ledger's entries as the scripts write them into {@code #ledger} (appeal.js, entry()). */
    private String entries(JsonNode items) {
        StringBuilder out = new StringBuilder(items.size() * 512);
        for (JsonNode e : items) {
            String type = e.path("type").asText();
            boolean disbursed = type.equals("DISBURSEMENT");
            boolean outgoing = disbursed || type.equals("REFUND");
            String what = disbursed ? message("ledger.disbursed", Map.of("recipient", e.path("recipient").asText()))
                    : message(type.equals("REFUND") ? "ledger.refunded" : "ledger.donation", Map.of("name", e.path("donorName").asText()));
            long seq = e.path("seq").asLong();
            out.append("<li id=\"e").append(seq).append('"').append(outgoing ? " class=\"out\"" : "").append('>')
                    .append("<div class=\"row\"><strong>#").append(seq).append("</strong><span>").append(Html.escape(what))
                    .append("</span><span class=\"amount\">").append(outgoing ? '\u2212' : '+')
                    .append(Html.escape(rupiah(e.path("amount").asLong()))).append("</span></div>");
            if (!e.path("message").asText("").isEmpty()) {
                out.append("<p>\u201c").append(Html.escape(e.path("message").asText())).append("\u201d</p>");
            }
            out.append("<p class=\"muted\">").append(Html.escape(DATE_TIME.format(Instant.parse(e.path("at").asText()))));
            if (disbursed) {
                out.append(" \u00b7 ").append(Html.escape(message("ledger.reference", Map.of("reference", e.path("reference").asText()))));
            }
            out.append("</p><p class=\"hash\">hash ").append(Html.escape(e.path("hash").asText())).append("</p></li>\n");
        }
        return out.toString();
    }

    static long percent(long raised, long target) {
        return target <= 0 ? 0 : Math.min(100, raised * 100 / target);
    }

    /** "Rp 25.000.000", written the Indonesian way whatever the JVM's locale. */
    static String rupiah(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp " : "Rp ") + grouped;
    }

    private String message(String key, Map<String, String> params) {
        String text = messages.path(key).asText(key);
        Matcher m = PARAM.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** JSON safe inside a script element: nothing in it can close the element or open a comment. */
    static String scriptJson(JsonNode view) {
        String json = Json.write(view);
        StringBuilder out = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
