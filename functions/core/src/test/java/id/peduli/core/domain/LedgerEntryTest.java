package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ledger hash of API.md v1.1. The expected hashes were computed once with a browser engine's
 * {@code JSON.stringify} and SHA-256 (Node 20), so the Java side is held to what a web client recomputes.
 */
class LedgerEntryTest {

    @Test
    void hash_isSha256OfTheJsonArrayOfTheVisibleFields_asTheContractsExample() {
        Instant at = Instant.parse("2026-11-22T10:15:30.123456Z");

        LedgerEntry first = LedgerEntry.next(Totals.EMPTY, LedgerEntryType.DONATION, Rupiah.of(50_000), "Budi",
                "Semoga lekas sembuh", null, "ord_x", at);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(Totals.GENESIS);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
        assertThat(LedgerEntry.material(first.prevHash(), 1, LedgerEntryType.DONATION, 50_000, "Budi",
                "Semoga lekas sembuh", "ord_x", "2026-11-22T10:15:30.123Z"))
                .isEqualTo("[\"" + "0".repeat(64) + "\",1,\"DONATION\",50000,\"Budi\",\"Semoga lekas sembuh\",\"ord_x\","
                        + "\"2026-11-22T10:15:30.123Z\"]");
        assertThat(first.hash()).isEqualTo("039e089a71961d40b626fd986abfcd865338db5f18fd1488ee9d3dd263ea1cb4");
    }

    @Test
    void hash_escapesStringsExactlyAsJsonStringify() {
        String recipient = "RSUD \"Kudungga\" \\ Sangatta";
        String note = "baris1\nbaris2\t\u0001\u001f\u007f é 😀 \u2028 \ud800x";

        String hash = LedgerEntry.hash("a".repeat(64), 7, LedgerEntryType.DISBURSEMENT, 1_250_000, recipient, note,
                "TRF/2026/11", "2026-11-22T10:15:30.000Z");

        assertThat(hash).isEqualTo("ed6e252a40574255d0e3bc7cdfcc64065d3ff130c2bdc25e567f304db9c18897");
    }

    @Test
    void anAnonymousRefundWithoutMessage_hashesAnonimAndTheEmptyString() {
        assertThat(LedgerEntry.hash("b".repeat(64), 3, LedgerEntryType.REFUND, 10_000, "Anonim", null, "peduli-x",
                "2026-01-01T00:00:00.000Z"))
                .isEqualTo("f55ae9142926d0cbc6b056a45d2fe158eb439c1f379f53067cbb7d91dcfee49e");
    }

    @Test
    void everyVisibleField_changesTheHash() {
        LedgerEntry base = LedgerEntry.next(Totals.EMPTY, LedgerEntryType.DONATION, Rupiah.of(50_000), "Budi", "Halo",
                null, "ord_x", Instant.EPOCH);
        String at = Times.format(base.at());

        assertThat(java.util.List.of(
                LedgerEntry.hash("1".repeat(64), 1, LedgerEntryType.DONATION, 50_000, "Budi", "Halo", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 2, LedgerEntryType.DONATION, 50_000, "Budi", "Halo", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.REFUND, 50_000, "Budi", "Halo", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.DONATION, 50_001, "Budi", "Halo", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.DONATION, 50_000, "Budu", "Halo", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.DONATION, 50_000, "Budi", "Hal0", "ord_x", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.DONATION, 50_000, "Budi", "Halo", "ord_y", at),
                LedgerEntry.hash(Totals.GENESIS, 1, LedgerEntryType.DONATION, 50_000, "Budi", "Halo", "ord_x",
                        "1970-01-01T00:00:00.001Z")))
                .doesNotContain(base.hash()).doesNotHaveDuplicates();
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

        assertThat(a.party()).isEqualTo("Anonim");
        assertThat(c.party()).isEqualTo("RSUD");
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(c.prevHash()).isEqualTo(b.hash());
        assertThat(c.seq()).isEqualTo(3);
        assertThat(t.lastHash()).isEqualTo(c.hash());
        assertThat(t.raised()).isEqualTo(60);
        assertThat(t.balance()).isEqualTo(10);
        assertThat(t.donationCount()).isEqualTo(1);
    }
}
