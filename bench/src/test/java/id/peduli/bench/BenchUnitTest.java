package id.peduli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench's own logic, fast: nothing here starts the stack or measures anything. */
class BenchUnitTest {
    @Test
    void pairedRatios_divideEachRunByTheFloorBesideIt_andTheMedianIsTheirs() {
        List<Double> runs = List.of(800.0, 900.0, 1200.0, 700.0, 750.0);
        List<Double> floors = List.of(700.0, 800.0, 1000.0, 700.0, 650.0);
        List<Double> ratios = BenchStats.ratios(runs, floors);
        assertThat(ratios).hasSize(5);
        assertThat(ratios.get(2)).isEqualTo(1.2);
        BenchCold.Result r = new BenchCold.Result("F", "jar", runs, floors, List.of());
        assertThat(r.ratio()).isEqualTo(BenchStats.median(ratios)).isEqualTo(800.0 / 700.0);
        assertThat(r.ratioMin()).isEqualTo(1.0);
        assertThat(r.ratioMax()).isEqualTo(1.2);
        assertThat(r.ratioP25()).isLessThanOrEqualTo(r.ratio()).isLessThanOrEqualTo(r.ratioP75());
        assertThatThrownBy(() -> BenchStats.ratios(runs, floors.subList(0, 4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void s3Operations_fallIntoTheirPriceClasses_andAnUnknownOneStopsTheBench() {
        assertThat(BenchS3.verb("PutObject")).isEqualTo("PUT");
        assertThat(BenchS3.verb("presigned PUT")).isEqualTo("PUT");
        assertThat(BenchS3.verb("GetObject")).isEqualTo("GET");
        assertThat(BenchS3.verb("presigned GET")).isEqualTo("GET");
        assertThat(BenchS3.verb("DeleteObject")).isEqualTo("DELETE");
        assertThat(BenchS3.verb("HeadObject")).isEqualTo("HEAD");
        assertThat(BenchS3.verb("CopyObject")).isEqualTo("COPY");
        assertThat(BenchS3.verb("ListObjectsV2")).isEqualTo("LIST");
        assertThatThrownBy(() -> BenchS3.verb("SelectObjectContent")).isInstanceOf(IllegalStateException.class);
        BenchS3.Result r = new BenchS3.Result(2, java.util.Map.of(), java.util.Map.of(), 4, 4, 2);
        // 4 PUT-class at $0.005/1,000 and 4 GET-class at $0.0004/1,000, per million appeals
        assertThat(r.usdPerMillionAppeals()).isCloseTo(21.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void commandLine_quickTakesTwentyPairedRuns_fewerThanFiveIsRefused_andHelpRuns() {
        BenchMain quick = new BenchMain();
        new CommandLine(quick).parseArgs("--quick");
        assertThat(quick.options().runs()).isEqualTo(BenchMain.QUICK_RUNS);
        assertThat(quick.options().lighthouse()).isTrue();
        BenchMain full = new BenchMain();
        new CommandLine(full).parseArgs("--no-lighthouse");
        assertThat(full.options().runs()).isEqualTo(BenchMain.FULL_RUNS);
        assertThat(full.options().lighthouse()).isFalse();

        StringWriter err = new StringWriter();
        assertThat(BenchMain.commandLine().setErr(new PrintWriter(err)).execute("--runs", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("at least 5");
        assertThat(BenchMain.commandLine().setErr(new PrintWriter(new StringWriter())).execute("--bogus")).isEqualTo(2);
        StringWriter out = new StringWriter();
        assertThat(BenchMain.commandLine().setOut(new PrintWriter(out)).execute("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("java -jar bench/target/peduli-bench.jar").contains("--quick");
    }
}
