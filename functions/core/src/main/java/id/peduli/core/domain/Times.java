package id.peduli.core.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RFC 3339 UTC timestamps with millisecond precision, {@code 2026-11-22T14:05:09.120Z}: the one format the API and
 * the ledger hash use. The common case is written and read field by field: a ledger page formats and parses a
 * hundred of these, and {@link DateTimeFormatter} costs about a quarter of a millisecond a call until the JIT has
 * compiled it, which a cold start never waits for. Anything else goes to the general parser. {@code TimesTest} holds
 * every direction to {@link DateTimeFormatter}, {@link Instant#parse} and {@link LocalDate#parse}.
 */
public final class Times {
    private static final String PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
    private static final String SHAPE = "0000-00-00T00:00:00.000Z";

    private Times() {}

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) { // the pattern's yyyy is the year of the era
            return DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneOffset.UTC).format(instant);
        }
        char[] out = SHAPE.toCharArray();
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 3, t.getNano() / 1_000_000);
        return new String(out);
    }

    /** A timestamp this class formatted; any other ISO-8601 instant is read by {@link Instant#parse}. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() != SHAPE.length()) {
            return Instant.parse(text);
        }
        for (int i = 0; i < SHAPE.length(); i++) {
            char shape = SHAPE.charAt(i);
            char c = text.charAt(i);
            if (shape == '0' ? c < '0' || c > '9' : c != shape) {
                return Instant.parse(text);
            }
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2), number(text, 11, 2),
                    number(text, 14, 2), number(text, 17, 2), number(text, 20, 3) * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Instant.parse(text); // the general parser decides, and words the error, for out-of-range fields
        }
    }

    /** An ISO-8601 date, {@code 1990-03-12}, read as {@link LocalDate#parse} reads it. */
    public static LocalDate parseDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digitsAt(text, 0, 4)
                && digitsAt(text, 5, 2) && digitsAt(text, 8, 2)) {
            try {
                return LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2));
            } catch (DateTimeException e) {
                // the general parser decides, and words the error
            }
        }
        return LocalDate.parse(text);
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static boolean digitsAt(String text, int at, int width) {
        for (int i = at; i < at + width; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
