package id.peduli.core.testing;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.BpjsStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Nik;
import id.peduli.core.domain.Patient;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Reporter;
import id.peduli.core.domain.Rupiah;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** Appeals, donations and a fixed clock for unit tests; shared with the job modules through core's test-jar. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-22T14:05:09.120Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final RegionCode KUTAI_TIMUR = new RegionCode("64.08");
    public static final RegionCode BONTANG = new RegionCode("64.74");

    private Fixtures() {}

    /** The secret the HMACs of tokens, cursors and NIK hashes are keyed with, as the functions read it. */
    public static void configure() {
        System.setProperty("NIK_PEPPER", "unit-test-pepper-not-a-secret");
    }

    /** An appeal in {@code status} in {@code region}, raising {@code target}, verified an hour ago when public. */
    public static Appeal appeal(AppealStatus status, RegionCode region, long target) {
        Instant created = NOW.minus(Duration.ofDays(2));
        return new Appeal(Ids.newId(), status, region,
                new Patient("Aisyah", new Nik("6474011203900001"), LocalDate.of(1990, 3, 12), "Jl. Cendana 4, Bontang"),
                new Reporter("Rahmat", "081298765432", "tetangga"), "Demam berdarah", "RSUD Taman Husada",
                "Dirawat di ICU.", BpjsStatus.values()[0], Rupiah.of(target), created,
                status.isPublic() ? NOW.minus(Duration.ofHours(1)) : null, "nikhash-" + Ids.newId(), Map.of(), 1);
    }

    /** A pending pledge of {@code amount} to {@code appealId}, through Midtrans. */
    public static Donation pledge(String appealId, long amount, String donorName, boolean anonymous, String message) {
        return pledge(appealId, amount, donorName, anonymous, message, Provider.MIDTRANS);
    }

    /** A pending pledge of {@code amount} to {@code appealId}, through {@code provider}. */
    public static Donation pledge(String appealId, long amount, String donorName, boolean anonymous, String message,
                                  Provider provider) {
        return Donation.pledged(Ids.newId(), "peduli-" + Ids.newId(), appealId, Rupiah.of(amount), donorName, anonymous,
                message, provider, null, NOW.minus(Duration.ofMinutes(1)), NOW.plus(Duration.ofHours(24)));
    }
}
