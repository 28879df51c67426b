package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The NIK rules, without any I/O. */
class NikTest {

    @Test
    void aManFromBontang_isValid() {
        assertThat(Nik.problems("6474011203900001", LocalDate.of(1990, 3, 12))).isEmpty();
        assertThat(new Nik("6474011203900001").districtCode()).isEqualTo("64.74.01");
    }

    @Test
    void aWoman_hasFortyAddedToTheDay() {
        assertThat(Nik.problems("6474015203900001", LocalDate.of(1990, 3, 12))).isEmpty();
        assertThat(Nik.problems("6474015203900001", LocalDate.of(1990, 3, 13))).containsExactly("digits 7-12 must agree with /patient/birthDate");
    }

    @Test
    void eachBrokenRule_isNamedOnce() {
        assertThat(Nik.problems("123", null)).containsExactly("must be exactly 16 digits");
        assertThat(Nik.problems("6474011203900000", null)).containsExactly("digits 13-16 must not be 0000");
        assertThat(Nik.problems("9999011203900001", null)).singleElement().asString().startsWith("digits 1-6");
        assertThat(Nik.problems("6474013102900001", null)).singleElement().asString().startsWith("digits 7-12 must be a birth date");
        assertThat(Nik.problems("9999013102900000", null)).hasSize(3);
    }

    @Test
    void invalidNik_cannotExist_andNeverPrintsItself() {
        assertThatThrownBy(() -> new Nik("6474011203900000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("6474");
        assertThat(new Nik("6474011203900001").toString()).doesNotContain("6474");
    }

    @Property(tries = 200)
    void everyNikBuiltFromItsParts_isValid(@ForAll @IntRange(min = 1, max = 28) int day,
                                           @ForAll @IntRange(min = 1, max = 12) int month,
                                           @ForAll @IntRange(min = 1950, max = 2025) int year,
                                           @ForAll boolean woman,
                                           @ForAll @IntRange(min = 1, max = 9999) int serial) {
        String nik = "647401" + String.format("%02d%02d%02d%04d", day + (woman ? 40 : 0), month, year % 100, serial);
        assertThat(Nik.problems(nik, LocalDate.of(year, month, day))).isEmpty();
    }
}
