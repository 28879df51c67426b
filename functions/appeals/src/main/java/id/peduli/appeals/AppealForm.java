package id.peduli.appeals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.NikHash;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.BpjsStatus;
import id.peduli.core.domain.Nik;
import id.peduli.core.domain.Patient;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Reporter;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Input;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a submitted appeal, checking every rule of the contract and reporting each broken one with its pointer. */
public final class AppealForm {
    static final long MIN_TARGET = 100_000;
    static final long MAX_TARGET = 2_000_000_000;
    private static final Pattern PHONE = Pattern.compile("(\\+62|08)\\d+");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private AppealForm() {}

    /** The appeal the body describes, as a new SUBMITTED appeal with this id. */
    public static Appeal read(ObjectNode body, String id, Instant now) {
        Input in = Input.of(body).allow("patient", "regionCode", "diagnosis", "hospital", "story", "bpjsStatus",
                "targetAmount", "reporter");

        Input patient = in.object("patient", true);
        String name = null;
        String nikText = null;
        LocalDate birthDate = null;
        String address = null;
        if (patient != null) {
            patient.allow("name", "nik", "birthDate", "address");
            name = patient.text("name", 2, 100, true);
            birthDate = patient.date("birthDate", true);
            if (birthDate != null && birthDate.isAfter(LocalDate.ofInstant(now, JAKARTA))) {
                patient.error("birthDate", "must not be in the future");
                birthDate = null;
            }
            address = patient.text("address", 2, 500, true);
            nikText = patient.text("nik", 1, 64, true);
            if (nikText != null) {
                List<String> problems = Nik.problems(nikText, birthDate);
                for (String problem : problems) {
                    patient.error("nik", problem);
                }
                if (!problems.isEmpty()) {
                    nikText = null;
                }
            }
        }

        String region = in.text("regionCode", 1, 16, true);
        if (region != null && !RegionCode.isRegency(region)) {
            in.error("regionCode", "must be an existing regency or city code NN.NN");
            region = null;
        }
        String diagnosis = in.text("diagnosis", 2, 200, true);
        String hospital = in.text("hospital", 2, 200, true);
        String story = in.text("story", 1, 5_000, true);
        BpjsStatus bpjs = in.choice("bpjsStatus", BpjsStatus.class, true);
        Long target = in.money("targetAmount", MIN_TARGET, MAX_TARGET, true);

        Input reporter = in.object("reporter", true);
        String reporterName = null;
        String phone = null;
        String relationship = null;
        if (reporter != null) {
            reporter.allow("name", "phone", "relationship");
            reporterName = reporter.text("name", 2, 100, true);
            phone = reporter.text("phone", 1, 32, true);
            if (phone != null && !validPhone(phone)) {
                reporter.error("phone", "must start with +62 or 08 and have 9 to 15 digits");
            }
            relationship = reporter.text("relationship", 1, 50, false);
        }
        in.check();

        Nik nik = new Nik(nikText);
        return new Appeal(id, AppealStatus.SUBMITTED, new RegionCode(region),
                new Patient(name, nik, birthDate, address),
                new Reporter(reporterName, phone, relationship),
                diagnosis, hospital, story, bpjs, Rupiah.of(target), Times.truncate(now), null, NikHash.of(nik), Map.of(), 0);
    }

    static boolean validPhone(String phone) {
        if (!PHONE.matcher(phone).matches()) {
            return false;
        }
        int digits = phone.startsWith("+") ? phone.length() - 1 : phone.length();
        return digits >= 9 && digits <= 15;
    }
}
