package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Times} writes and reads field by field; here it is held to {@link DateTimeFormatter} and {@link Instant#parse}. */
class TimesTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Provide
    Arbitrary<Instant> instants() {
        // years -2000 to 12000, so the fallback beyond four-digit years is exercised too
        return Arbitraries.longs().between(-125_000_000_000L, 316_000_000_000L).edgeCases(e -> e.add(-62_135_596_800L, -62_135_596_801L, 253_402_300_799L, 253_402_300_800L))
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Property(tries = 2000)
    void formatsAsTheReferenceFormatter(@ForAll("instants") Instant instant) {
        assertThat(Times.format(instant)).isEqualTo(REFERENCE.format(instant));
    }

    /** Years 1 to 9999: beyond them the pattern's year of the era cannot be read back, with or without this class. */
    @Provide
    Arbitrary<Instant> fourDigitYears() {
        return Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Property(tries = 2000)
    void readsBackWhatItWrote_toTheMillisecond(@ForAll("fourDigitYears") Instant instant) {
        String text = Times.format(instant);
        Instant read = Times.parse(text);
        assertThat(read).isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        if (text.length() == 24) {
            assertThat(read).isEqualTo(Instant.parse(text));
        }
    }

    @Property(tries = 3000)
    void agreesWithInstantParse_onAnythingOfTheShape(@ForAll("shaped") String text) {
        assertAgrees(text, Instant::parse, Times::parse);
    }

    /** {@code ours} reads {@code text} as {@code reference} does, or refuses it as {@code reference} does. */
    private static <T> void assertAgrees(String text, Function<String, T> reference, Function<String, T> ours) {
        T expected;
        try {
            expected = reference.apply(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> ours.apply(text)).as(text).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(ours.apply(text)).as(text).isEqualTo(expected);
    }

    /** Strings of the canonical shape, each field a little past its range: month 13, day 32, leap seconds and all. */
    @Provide
    Arbitrary<String> shaped() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999),
                        Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
                        Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
                        Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 999))
                .as((y, mo, d, h, mi, s, ms) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi, s, ms));
    }

    @Property(tries = 3000)
    void readsDatesAsLocalDateParse(@ForAll("dates") String text) {
        assertAgrees(text, LocalDate::parse, Times::parseDate);
    }

    /** yyyy-MM-dd with fields a little past their range, and some strings of other shapes. */
    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 9999),
                                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                        .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d)),
                Arbitraries.of("+12345-01-01", "1990-3-12", "1990/03/12", "199O-03-12", "1990-03-12 ", "-0001-01-01"));
    }

    @Test
    void otherIsoInstants_andNonsense_goToTheGeneralParser() {
        assertThat(Times.parse("2026-11-22T14:05:09Z")).isEqualTo(Instant.parse("2026-11-22T14:05:09Z"));
        assertThat(Times.parse("2028-02-29T00:00:00.000Z")).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        assertThatThrownBy(() -> Times.parse("2026-02-29T00:00:00.000Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Times.parse("yesterday, around noon")).isInstanceOf(DateTimeException.class);
    }
}
