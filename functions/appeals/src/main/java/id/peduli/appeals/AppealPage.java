package id.peduli.appeals;

import com.fasterxml.jackson.databind.JsonNode;
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
 * lands. It is only ever given the public view, and the Open Graph tags carry only the patient's name, the region
 * and the progress: never a NIK, birth date, address, reporter, phone or diagnosis.
 */
public final class AppealPage {
    /** Where the build puts the web client's files this page needs (see this module's pom). */
    static final String RESOURCES = "/id/peduli/appeals/web/";
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID")).withZone(JAKARTA);

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

    /** The page for one appeal, from its public view (the JSON of {@code GET /appeals/{id}}). */
    public String render(JsonNode view) {
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

        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 4096);
        while (m.find()) {
            String slot = m.group(1);
            String value;
            if (slot.equals("appealJson")) {
                value = scriptJson(view);
            } else if (text.containsKey(slot)) {
                value = html(text.get(slot));
            } else {
                throw new IllegalStateException("the appeal page has a slot this renderer does not fill: " + slot);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
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

    /** Text escaped for HTML content and quoted attribute values alike. */
    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
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
