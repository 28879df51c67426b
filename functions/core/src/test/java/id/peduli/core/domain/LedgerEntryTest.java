package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    @Test
    void hash_isSha256OfTheContractString() throws Exception {
        Instant at = Instant.parse("2026-11-22T10:15:30.123456Z");
        LedgerEntry first = LedgerEntry.next(Totals.EMPTY, LedgerEntryType.DONATION, Rupiah.of(50_000), "Budi", null,
                null, "peduli-order-1", at);

        String material = "0".repeat(64) + "|1|DONATION|50000|peduli-order-1|2026-11-22T10:15:30.123Z";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(material.getBytes(StandardCharsets.UTF_8)));
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(Totals.GENESIS);
        assertThat(first.hash()).isEqualTo(expected);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
    }

    @Test
    void chain_linksEachEntryToTheOneBefore_andTotalsFollow() {
        Totals t = Totals.EMPTY;
        LedgerEntry a = LedgerEntry.next(t, LedgerEntryType.DONATION, Rupiah.of(100), null, null, null, "o1", Instant.EPOCH);
        t = t.after(a);
        LedgerEntry b = LedgerEntry.next(t, LedgerEntryType.REFUND, Rupiah.of(40), null, null, null, "o1", Instant.EPOCH);
        t = t.after(b);
        LedgerEntry c = LedgerEntry.next(t, LedgerEntryType.DISBURSEMENT, Rupiah.of(50), null, null, "RSUD", "TRF", Instant.EPOCH);
        t = t.after(c);

        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(c.prevHash()).isEqualTo(b.hash());
        assertThat(c.seq()).isEqualTo(3);
        assertThat(t.head()).isEqualTo(c.hash());
        assertThat(t.raised()).isEqualTo(60);
        assertThat(t.balance()).isEqualTo(10);
        assertThat(t.donationCount()).isEqualTo(1);
    }
}
