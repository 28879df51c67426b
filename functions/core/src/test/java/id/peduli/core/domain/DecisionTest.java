package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The appeal's lifecycle: which decision may move which appeal, and where to. */
class DecisionTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "VERIFY, SUBMITTED, VERIFIED", "REJECT, SUBMITTED, REJECTED", "REFER, SUBMITTED, SUBMITTED",
            "CLOSE, VERIFIED, CLOSED", "CLOSE, FUNDED, CLOSED",
            "VERIFY, VERIFIED, CONFLICT", "REJECT, FUNDED, CONFLICT", "REFER, VERIFIED, CONFLICT",
            "CLOSE, SUBMITTED, CONFLICT", "CLOSE, CLOSED, CONFLICT", "VERIFY, REJECTED, CONFLICT"})
    void decisions_moveOnlyTheAppealsTheyMay(Decision.Action action, AppealStatus from, String to) {
        Appeal appeal = Fixtures.appeal(from, Fixtures.BONTANG, 1_000_000);
        Decision decision = new Decision(action, "alasan", action == Decision.Action.REFER ? Fixtures.KUTAI_TIMUR : null,
                Map.of());

        if (to.equals("CONFLICT")) {
            assertThatThrownBy(() -> decision.applyTo(appeal, Fixtures.NOW)).isInstanceOf(DomainException.Conflict.class)
                    .hasMessage(action + " is not possible for an appeal that is " + from + ".");
        } else {
            Appeal after = decision.applyTo(appeal, Fixtures.NOW);
            assertThat(after.status()).isEqualTo(AppealStatus.valueOf(to));
            assertThat(after.version()).isEqualTo(appeal.version() + 1);
        }
    }

    @Test
    void verify_stampsTheTime_andTheChecks() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);

        Appeal after = new Decision(Decision.Action.VERIFY, null, null, Map.of("identity", true))
                .applyTo(appeal, Fixtures.NOW);

        assertThat(after.verifiedAt()).isEqualTo(Fixtures.NOW);
        assertThat(after.checks()).containsEntry("identity", true);
    }

    @Test
    void refer_handsTheAppealToAnotherRegency_andSaysSoInTheHistory() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        Decision refer = new Decision(Decision.Action.REFER, "warga Sangatta", Fixtures.KUTAI_TIMUR, Map.of());

        Appeal after = refer.applyTo(appeal, Fixtures.NOW);
        HistoryEntry line = refer.historyEntry(appeal, "siska", Fixtures.NOW);

        assertThat(after.regionCode()).isEqualTo(Fixtures.KUTAI_TIMUR);
        assertThat(line.fromRegionCode()).isEqualTo("64.74");
        assertThat(line.toRegionCode()).isEqualTo("64.08");
        assertThatThrownBy(() -> new Decision(Decision.Action.REFER, "x", Fixtures.BONTANG, Map.of())
                .applyTo(appeal, Fixtures.NOW)).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void onlyAVerifiedAppealBecomesFunded() {
        Appeal verified = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);

        assertThat(verified.funded().status()).isEqualTo(AppealStatus.FUNDED);
        assertThatThrownBy(() -> verified.funded().funded()).isInstanceOf(IllegalStateException.class);
    }
}
