package id.peduli.core.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Nomor Induk Kependudukan: 16 digits; 1–6 an existing district code, 7–12 the birth date {@code DDMMYY}
 * (day + 40 for women), 13–16 a serial that is not {@code 0000}.
 */
public record Nik(String value) {

    public Nik {
        List<String> problems = problems(value, null);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid NIK");
        }
    }

    /**
     * Every rule {@code raw} breaks, one sentence each; empty when it is a valid NIK. With a {@code birthDate}, the
     * date in the NIK must also agree with it.
     */
    public static List<String> problems(String raw, LocalDate birthDate) {
        List<String> problems = new ArrayList<>(4);
        if (raw == null || raw.length() != 16 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add("must be exactly 16 digits");
            return problems;
        }
        String district = raw.substring(0, 2) + "." + raw.substring(2, 4) + "." + raw.substring(4, 6);
        if (!Regions.exists(district)) {
            problems.add("digits 1-6 must be an existing district code (" + district + " is not)");
        }
        int day = Integer.parseInt(raw.substring(6, 8));
        int month = Integer.parseInt(raw.substring(8, 10));
        int yy = Integer.parseInt(raw.substring(10, 12));
        int realDay = day > 40 ? day - 40 : day;
        if (!isCalendarDate(realDay, month, yy)) {
            problems.add("digits 7-12 must be a birth date DDMMYY, with 40 added to the day for women");
        } else if (birthDate != null && (birthDate.getDayOfMonth() != realDay || birthDate.getMonthValue() != month
                || birthDate.getYear() % 100 != yy)) {
            problems.add("digits 7-12 must agree with /patient/birthDate");
        }
        if (raw.endsWith("0000")) {
            problems.add("digits 13-16 must not be 0000");
        }
        return problems;
    }

    private static boolean isCalendarDate(int day, int month, int yy) {
        try {
            // A leap day is valid in some century; 2000 is a leap year, so it stands for any YY divisible by 4.
            LocalDate.of(2000 + yy, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The district where the NIK was first issued, e.g. {@code 64.74.01}. */
    public String districtCode() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6);
    }

    @Override
    public String toString() {
        return "Nik[****]"; // never log a NIK
    }
}
