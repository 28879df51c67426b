package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The small formats both providers and the pay page need. */
final class Formats {
    /** Midtrans writes its times as Jakarta wall-clock time (WIB, UTC+7) without a zone: {@code 2026-11-22 17:15:30}. */
    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter MIDTRANS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(WIB);

    private Formats() {}

    static String midtransTime(Instant instant) {
        return MIDTRANS_TIME.format(instant);
    }

    /** Midtrans sends amounts as strings with two decimals: 50000 → {@code "50000.00"}. */
    static String grossAmount(long rupiah) {
        return rupiah + ".00";
    }

    /** The amount as Indonesians write it: 50000 → {@code Rp 50.000}. */
    static String rupiah(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder(digits.length() + 8);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append('.').append(digits, i, i + 3);
        }
        return (amount < 0 ? "-Rp " : "Rp ") + out;
    }

    /** Redirect targets must be absolute http(s) URLs: anything else could run script in the pay page's origin. */
    static boolean isWebUrl(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A JSON number, or a string holding one (both providers take both); null when neither. */
    static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
