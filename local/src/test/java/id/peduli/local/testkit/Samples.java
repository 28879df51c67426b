package id.peduli.local.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sample appeal the tests and the bench submit: the baby from Kutai Timur the product began with
 * ({@code ../shared/seeds/}), each time with a NIK of its own so that no two samples look like one patient.
 */
public final class Samples {
    /** Born 24 September 2020, the sample patient's birth date. */
    public static final LocalDate BIRTH = LocalDate.of(2020, 9, 24);
    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private Samples() {}

    /** A valid NIK for someone born on {@code birth} whose NIK was issued in {@code district} (NN.NN.NN), with a fresh serial. */
    public static String nik(String district, LocalDate birth, boolean woman) {
        int day = birth.getDayOfMonth() + (woman ? 40 : 0);
        return district.replace(".", "") + String.format("%02d%02d%02d", day, birth.getMonthValue(), birth.getYear() % 100)
                + String.format("%04d", 1 + SERIAL.getAndIncrement() % 9998);
    }

    /** A complete, valid appeal in {@code regionCode} toward {@code target} rupiah, for a patient with {@code nik}. */
    public static ObjectNode appeal(String regionCode, long target, String nik) {
        ObjectNode body = Json.object();
        ObjectNode patient = body.putObject("patient");
        patient.put("name", "Muhammad Putra");
        patient.put("nik", nik);
        patient.put("birthDate", BIRTH.toString());
        patient.put("address", "Jl. Soekarno Hatta, Sangatta");
        body.put("regionCode", regionCode);
        body.put("diagnosis", "Perdarahan otak, Hb rendah");
        body.put("hospital", "RSUD Kudungga");
        body.put("story", "Putra dirawat di RSUD Kudungga sejak Senin karena perdarahan otak dan butuh transfusi darah "
                + "berulang; keluarganya belum terdaftar BPJS dan ayahnya buruh harian yang tidak sanggup menanggung biayanya.");
        body.put("bpjsStatus", "NONE");
        body.put("targetAmount", target);
        ObjectNode reporter = body.putObject("reporter");
        reporter.put("name", "Siska");
        reporter.put("phone", "+6281234567890");
        reporter.put("relationship", "tetangga");
        return body;
    }
}
