package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void existingCodes_areRegions_withTheirNames() {
        assertThat(new RegionCode("64.08").name()).isEqualTo("Kabupaten Kutai Timur");
        assertThat(new RegionCode("64").name()).isEqualTo("Kalimantan Timur");
        assertThat(new RegionCode("64.74").province()).isEqualTo(new RegionCode("64"));
    }

    @Test
    void invalidOrUnknownCodes_cannotExist() {
        for (String bad : new String[] {"64.99", "99", "6474", "64.74.01", "", "64.7", null}) {
            assertThatThrownBy(() -> new RegionCode(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RegionCode.isRegency("64")).isFalse();
        assertThat(RegionCode.isRegency("64.74")).isTrue();
    }

    @Test
    void provinceCoversItsRegencies_only() {
        RegionCode kaltim = new RegionCode("64");
        assertThat(kaltim.covers(new RegionCode("64.74"))).isTrue();
        assertThat(kaltim.covers(kaltim)).isTrue();
        assertThat(kaltim.covers(new RegionCode("65.01"))).isFalse();
        assertThat(new RegionCode("64.74").covers(new RegionCode("64.08"))).isFalse();
        assertThat(new RegionCode("64.74").covers(kaltim)).isFalse();
        // "6" + "4." prefix games: 11 must not cover 11.0x's neighbour 1.1x
        assertThat(new RegionCode("11").covers(new RegionCode("12.01"))).isFalse();
    }
}
