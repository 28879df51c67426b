package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficerScopeTest {

    @Test
    void groups_areReadInEveryShapeTheClaimComesIn() {
        for (String groups : new String[] {"[officer:64.74 officer:65]", "[\"officer:64.74\",\"officer:65\"]", "officer:64.74,officer:65"}) {
            OfficerScope scope = OfficerScope.fromClaims(Map.of("sub", "siska", "cognito:groups", groups));
            assertThat(scope.regions()).as(groups).containsExactlyInAnyOrder(new RegionCode("64.74"), new RegionCode("65"));
        }
    }

    @Test
    void aProvinceSwallowsItsRegencies_andJunkIsIgnored() {
        OfficerScope scope = OfficerScope.fromClaims(Map.of("sub", "k", "cognito:groups",
                "[officer:64.74 officer:64 admin officer:99 officer:64.99 officerx:65]"));
        assertThat(scope.regions()).containsExactly(new RegionCode("64"));
        assertThat(scope.covers(new RegionCode("64.08"))).isTrue();
        assertThat(scope.covers(new RegionCode("65.01"))).isFalse();
    }

    @Test
    void noSubject_meansNoCaller() {
        assertThat(OfficerScope.fromClaims(Map.of())).isNull();
        assertThat(OfficerScope.fromClaims(Map.of("cognito:groups", "[officer:64]"))).isNull();
    }
}
