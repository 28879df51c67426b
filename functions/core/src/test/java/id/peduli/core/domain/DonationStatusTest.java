package id.peduli.core.domain;

import static id.peduli.core.domain.DonationStatus.EXPIRED;
import static id.peduli.core.domain.DonationStatus.FAILED;
import static id.peduli.core.domain.DonationStatus.PENDING;
import static id.peduli.core.domain.DonationStatus.REFUNDED;
import static id.peduli.core.domain.DonationStatus.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DonationStatusTest {

    @Test
    void onlyTheContractsMoves_areAllowed() {
        for (DonationStatus from : DonationStatus.values()) {
            EnumSet<DonationStatus> allowed = EnumSet.noneOf(DonationStatus.class);
            for (DonationStatus to : DonationStatus.values()) {
                if (from.canBecome(to)) {
                    allowed.add(to);
                }
            }
            EnumSet<DonationStatus> expected = switch (from) {
                case PENDING -> EnumSet.of(SETTLED, FAILED, EXPIRED);
                case SETTLED -> EnumSet.of(REFUNDED);
                default -> EnumSet.noneOf(DonationStatus.class);
            };
            assertThat(allowed).as(from.name()).isEqualTo(expected);
        }
        assertThat(PENDING.canBecome(PENDING)).isFalse();
    }
}
