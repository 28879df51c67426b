package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.testing.Fixtures;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The crediting rules, without any store: what a payment status writes, and when an appeal becomes FUNDED. */
class CreditingTest {
    private static final Appeal APPEAL = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 100_000);

    @Test
    void settlement_isADonationEntry_withThePublicNameAndTheMessage() {
        Donation d = Fixtures.pledge(APPEAL.id(), 25_000, "Rina", false, "Cepat sembuh");

        Crediting.Credit credit = Crediting.credit(d, DonationStatus.SETTLED, LedgerHead.opened(APPEAL), Fixtures.NOW);

        assertThat(credit.entry().type()).isEqualTo(LedgerEntryType.DONATION);
        assertThat(credit.entry().donorName()).isEqualTo("Rina");
        assertThat(credit.entry().message()).isEqualTo("Cepat sembuh");
        assertThat(credit.entry().reference()).isEqualTo(d.orderId());
        assertThat(credit.entry().prevHash()).isEqualTo(Totals.GENESIS);
        assertThat(credit.donation().status()).isEqualTo(DonationStatus.SETTLED);
        assertThat(credit.donation().ledgerSeq()).isEqualTo(1L);
        assertThat(credit.donation().ledgerHash()).isEqualTo(credit.entry().hash());
        assertThat(credit.head().totals().lastHash()).isEqualTo(credit.entry().hash());
        assertThat(credit.funds()).isFalse();
    }

    @Test
    void anonymousSettlement_showsAnonim() {
        Donation d = Fixtures.pledge(APPEAL.id(), 25_000, "Rina", true, null);

        Crediting.Credit credit = Crediting.credit(d, DonationStatus.SETTLED, LedgerHead.opened(APPEAL), Fixtures.NOW);

        assertThat(credit.entry().donorName()).isEqualTo(LedgerEntry.ANONYMOUS);
    }

    @Test
    void refund_isARefundEntry_withoutTheMessage_andKeepsTheSettlementsSeq() {
        Donation pledged = Fixtures.pledge(APPEAL.id(), 25_000, "Rina", false, "Cepat sembuh");
        Crediting.Credit settled = Crediting.credit(pledged, DonationStatus.SETTLED, LedgerHead.opened(APPEAL), Fixtures.NOW);

        Crediting.Credit refunded = Crediting.credit(settled.donation(), DonationStatus.REFUNDED, settled.head(), Fixtures.NOW);

        assertThat(refunded.entry().type()).isEqualTo(LedgerEntryType.REFUND);
        assertThat(refunded.entry().message()).isNull();
        assertThat(refunded.entry().seq()).isEqualTo(2);
        assertThat(refunded.donation().ledgerSeq()).isEqualTo(1L);
        assertThat(refunded.head().totals().raised()).isZero();
    }

    @Test
    void failureAndExpiry_writeNoEntry() {
        Donation d = Fixtures.pledge(APPEAL.id(), 25_000, null, false, null);

        assertThat(Crediting.credit(d, DonationStatus.FAILED, null, Fixtures.NOW).entry()).isNull();
        assertThat(Crediting.credit(d, DonationStatus.EXPIRED, null, Fixtures.NOW).head()).isNull();
    }

    @Test
    void repeatsAndForbiddenMoves_changeNothing() {
        Donation d = Fixtures.pledge(APPEAL.id(), 25_000, null, false, null);
        Donation settled = Crediting.credit(d, DonationStatus.SETTLED, LedgerHead.opened(APPEAL), Fixtures.NOW).donation();

        assertThat(Crediting.unchanged(settled, DonationStatus.SETTLED)).get()
                .extracting(Crediting.Applied::result).isEqualTo(Crediting.Result.DUPLICATE);
        assertThat(Crediting.unchanged(settled, DonationStatus.EXPIRED)).get()
                .extracting(Crediting.Applied::result).isEqualTo(Crediting.Result.IGNORED);
        assertThat(Crediting.unchanged(d, DonationStatus.SETTLED)).isEmpty();
        assertThatThrownBy(() -> Crediting.credit(settled, DonationStatus.FAILED, null, Fixtures.NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettlementThatReachesTheTarget_fundsAVerifiedAppeal_butNotAClosedOne() {
        LedgerHead verified = LedgerHead.opened(APPEAL);
        LedgerHead closed = new LedgerHead(APPEAL.id(), Totals.EMPTY, APPEAL.target(), AppealStatus.CLOSED);
        Donation whole = Fixtures.pledge(APPEAL.id(), 100_000, null, false, null);

        Crediting.Credit funding = Crediting.credit(whole, DonationStatus.SETTLED, verified, Fixtures.NOW);
        Crediting.Credit late = Crediting.credit(whole, DonationStatus.SETTLED, closed, Fixtures.NOW);

        assertThat(funding.funds()).isTrue();
        assertThat(funding.head().appealStatus()).isEqualTo(AppealStatus.FUNDED);
        assertThat(late.funds()).isFalse();
        assertThat(late.head().appealStatus()).isEqualTo(AppealStatus.CLOSED);
        assertThat(late.head().totals().raised()).isEqualTo(100_000);
    }

    /** However the settlements come, the head's totals are their sum, and FUNDED comes exactly once, at the crossing. */
    @Property(tries = 200)
    void totalsAreTheSumOfTheEntries_andFundingHappensOnceAtTheCrossing(@ForAll("amounts") List<Long> amounts) {
        LedgerHead head = LedgerHead.opened(APPEAL);
        long sum = 0;
        int fundings = 0;
        for (long amount : amounts) {
            Crediting.Credit credit = Crediting.credit(Fixtures.pledge(APPEAL.id(), amount, null, false, null),
                    DonationStatus.SETTLED, head, Fixtures.NOW);
            boolean crosses = sum < APPEAL.target().value() && sum + amount >= APPEAL.target().value();
            assertThat(credit.funds()).isEqualTo(crosses);
            fundings += credit.funds() ? 1 : 0;
            assertThat(credit.entry().prevHash()).isEqualTo(head.totals().lastHash());
            head = credit.head();
            sum += amount;
        }
        assertThat(head.totals().raised()).isEqualTo(sum);
        assertThat(head.totals().seq()).isEqualTo(amounts.size());
        assertThat(head.totals().donationCount()).isEqualTo(amounts.size());
        assertThat(fundings).isEqualTo(sum >= APPEAL.target().value() ? 1 : 0);
    }

    @Provide
    Arbitrary<List<Long>> amounts() {
        return Arbitraries.longs().between(10_000, 60_000).list().ofMaxSize(8);
    }

    @Test
    void disbursement_needsAnAppealThatAcceptsThem_andTheBalance() {
        Donation d = Fixtures.pledge(APPEAL.id(), 50_000, null, false, null);
        LedgerHead funded = Crediting.credit(d, DonationStatus.SETTLED, LedgerHead.opened(APPEAL), Fixtures.NOW).head();
        LedgerHead closed = new LedgerHead(APPEAL.id(), funded.totals(), APPEAL.target(), AppealStatus.CLOSED);

        LedgerEntry paid = Crediting.disbursement(funded, Rupiah.of(50_000), "RSUD", "TRF-1", null, Fixtures.NOW);

        assertThat(paid.type()).isEqualTo(LedgerEntryType.DISBURSEMENT);
        assertThat(funded.after(paid, funded.appealStatus()).totals().balance()).isZero();
        assertThatThrownBy(() -> Crediting.disbursement(funded, Rupiah.of(50_001), "RSUD", "TRF-2", null, Fixtures.NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("balance of Rp 50000");
        assertThatThrownBy(() -> Crediting.disbursement(closed, Rupiah.of(1), "RSUD", "TRF-3", null, Fixtures.NOW))
                .isInstanceOf(DomainException.Conflict.class).hasMessageContaining("VERIFIED or FUNDED");
    }
}
