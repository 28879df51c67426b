package id.peduli.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Crediting;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Stores;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Crediting and disbursing through the unit of work, on in-memory stores: what one call writes, all together. */
class LedgerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final Stores stores = memory.stores();
    private final Ledger ledger = new Ledger(stores);

    private Donation pledged(Appeal appeal, long amount) {
        Donation d = Fixtures.pledge(appeal.id(), amount, "Rina", false, "Semoga lekas sembuh");
        memory.given(d);
        return d;
    }

    @Test
    void settlement_writesTheEntry_theHead_andTheDonation_together() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        Donation d = pledged(appeal, 50_000);

        Crediting.Applied applied = ledger.apply(d, DonationStatus.SETTLED, Fixtures.NOW);

        assertThat(applied.result()).isEqualTo(Crediting.Result.APPLIED);
        assertThat(memory.ledger(appeal.id())).singleElement().extracting(LedgerEntry::amount).isEqualTo(Rupiah.of(50_000));
        assertThat(memory.head(appeal.id()).totals().raised()).isEqualTo(50_000);
        assertThat(memory.donation(d.orderId()).status()).isEqualTo(DonationStatus.SETTLED);
        assertThat(memory.donation(d.orderId()).ledgerHash()).isEqualTo(applied.entry().hash());
    }

    @Test
    void theSameSettlementTwice_isCreditedOnce() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        Donation d = pledged(appeal, 50_000);

        ledger.apply(d, DonationStatus.SETTLED, Fixtures.NOW);
        Crediting.Applied again = ledger.apply(d, DonationStatus.SETTLED, Fixtures.NOW);

        assertThat(again.result()).isEqualTo(Crediting.Result.DUPLICATE);
        assertThat(memory.ledger(appeal.id())).hasSize(1);
    }

    @Test
    void theSettlementThatReachesTheTarget_makesTheAppealFunded_inTheSameWrite() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 100_000);
        memory.given(appeal);

        ledger.apply(pledged(appeal, 60_000), DonationStatus.SETTLED, Fixtures.NOW);
        ledger.apply(pledged(appeal, 60_000), DonationStatus.SETTLED, Fixtures.NOW);

        assertThat(memory.appeal(appeal.id()).status()).isEqualTo(AppealStatus.FUNDED);
        assertThat(memory.appeal(appeal.id()).version()).isEqualTo(appeal.version() + 1);
        assertThat(memory.head(appeal.id()).appealStatus()).isEqualTo(AppealStatus.FUNDED);
    }

    @Test
    void aDecisionMadeMeanwhile_isNotOverwritten_theCreditReadsAgain() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 100_000);
        memory.given(appeal);
        Donation d = pledged(appeal, 100_000);
        Appeal closed = new id.peduli.core.domain.Decision(id.peduli.core.domain.Decision.Action.CLOSE, "selesai", null,
                java.util.Map.of()).applyTo(appeal, Fixtures.NOW);
        new AppealWrites(stores).decide(appeal, closed,
                new HistoryEntry(Fixtures.NOW, "siska", "CLOSE", "selesai", "64.74", null), false);

        ledger.apply(d, DonationStatus.SETTLED, Fixtures.NOW);

        assertThat(memory.appeal(appeal.id()).status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(memory.head(appeal.id()).totals().raised()).isEqualTo(100_000);
    }

    @Test
    void disbursement_isRefusedOverTheBalance_andItsAnswerIsStoredWithIt() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        ledger.apply(pledged(appeal, 50_000), DonationStatus.SETTLED, Fixtures.NOW);
        IdempotencyRecord answer = new IdempotencyRecord("scope", "key-1", "h", 201, "{}", null,
                Fixtures.NOW.plus(Duration.ofHours(24)));

        LedgerEntry paid = ledger.disburse(appeal.id(), Rupiah.of(20_000), "RSUD", "TRF-1", null, "siska", Fixtures.NOW,
                e -> answer);

        assertThat(memory.head(appeal.id()).totals().balance()).isEqualTo(30_000);
        assertThat(stores.idempotency().find("scope", "key-1")).contains(answer);
        assertThatThrownBy(() -> ledger.disburse(appeal.id(), Rupiah.of(10_000), "RSUD", "TRF-2", null, "siska",
                Fixtures.NOW, e -> answer)).isInstanceOf(IdempotencyConflict.class);
        assertThatThrownBy(() -> ledger.disburse(appeal.id(), Rupiah.of(30_001), "RSUD", "TRF-3", null, "siska",
                Fixtures.NOW, e -> null)).isInstanceOf(DomainException.Conflict.class);
        assertThat(memory.ledger(appeal.id())).hasSize(2).last().isEqualTo(paid);
    }
}
