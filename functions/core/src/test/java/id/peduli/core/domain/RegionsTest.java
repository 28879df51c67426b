package id.peduli.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    /** The shipped file read the plain way: code and name of every line after the header. */
    private static List<String[]> lines() throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Regions.class.getResourceAsStream(Regions.RESOURCE), StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("code,name,level");
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.split(",", -1);
                assertThat(parts).as(line).hasSize(3);
                lines.add(new String[] {parts[0], parts[1]});
            }
        }
        return lines;
    }

    @Test
    void theFileIsInStrictCodeOrder_whichTheSearchReliesOn() throws IOException {
        List<String[]> lines = lines();
        assertThat(lines).hasSizeGreaterThan(7_000);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i - 1)[0].compareTo(lines.get(i)[0])).as(lines.get(i)[0]).isNegative();
        }
    }

    @Test
    void everyRegionIsFound_withItsName() throws IOException {
        for (String[] line : lines()) {
            assertThat(Regions.exists(line[0])).as(line[0]).isTrue();
            assertThat(Regions.name(line[0])).as(line[0]).hasValue(line[1]);
        }
        assertThat(Regions.name("64.74")).hasValue("Kota Bontang");
        assertThat(Regions.name("64.74.01")).isPresent();
    }

    @Test
    void codesBetweenBeforeAndAfterTheLines_areNotFound() throws IOException {
        List<String[]> lines = lines();
        String first = lines.get(0)[0];
        String last = lines.get(lines.size() - 1)[0];
        for (String absent : new String[] {"", "0", "00", first.substring(0, 1), "64.7", "64.74.0", "64.74.011",
                "64.99", "99", last + "0", "~", "64,Kalimantan Timur", "code"}) {
            assertThat(Regions.exists(absent)).as(absent).isFalse();
            assertThat(Regions.name(absent)).as(absent).isEmpty();
        }
        assertThat(Regions.exists(null)).isFalse();
        assertThat(Regions.name(null)).isEmpty();
    }
}
