package id.peduli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json keeps issue 7's keys and adds the new figures beside them; made from fabricated figures, fast. */
class ResultsShapeTest {
    @Test
    void resultsJson_keepsTheIssueKeys_andAddsPairsProviderS3LighthouseAndBars() {
        Map<String, BenchCold.Result> cold = new LinkedHashMap<>();
        cold.put("GetAppealFunction", new BenchCold.Result("GetAppealFunction", "a.jar", List.of(800.0, 820.0, 790.0, 810.0, 805.0),
                List.of(700.0, 720.0, 700.0, 705.0, 690.0), List.of(), List.of(1100.0, 1120.0, 1090.0, 1110.0, -1.0),
                List.of(1000.0, 1000.0, 1000.0, 1000.0, 1000.0)));
        cold.put("PledgeFunction", new BenchCold.Result("PledgeFunction", "d.jar", List.of(900.0, 920.0, 890.0, 910.0, 905.0),
                List.of(700.0, 720.0, 700.0, 705.0, 690.0), List.of(850.0, 860.0, 840.0, 855.0, 845.0)));
        Map<String, BenchWarm.Result> warm = new LinkedHashMap<>();
        warm.put("GET /appeals/{id}", new BenchWarm.Result("GET /appeals/{id}", "GetAppealFunction", 3, 6, 2.8, 5, 100, "BatchGetItem", Double.NaN));
        warm.put(Bench.PLEDGE_ROUTE, new BenchWarm.Result(Bench.PLEDGE_ROUTE, "PledgeFunction", 9, 20, 8.5, 18, 100, "x", 3.1));
        BenchSettle.Result settle = new BenchSettle.Result(List.of(), 100, 120, 4);
        BenchLedger.Result ledger = new BenchLedger.Result(20_000, 6, 6.2, 9, 10, 12);
        BenchCost.Units units = new BenchCost.Units(1, 6, "calls", List.of(), 4);
        BenchCost.Result cost = new BenchCost.Result(units, units, units, 5, 7, 7, 0.85, 3, 8.5);
        BenchS3.Result s3 = new BenchS3.Result(2, Map.of("PUT", 4, "GET", 4, "DELETE", 2), Map.of("PutObject", 2), 4, 4, 2);
        BenchLighthouse.Result lighthouse = new BenchLighthouse.Result("12.2.3", List.of(
                new BenchLighthouse.Page("/", "http://127.0.0.1:1/", Map.of("performance", 90, "accessibility", 100,
                        "best-practices", 96), List.of(Map.of("performance", 90)))));

        ObjectNode json = Bench.json("machine", cold, warm, settle, ledger, cost, Map.of("GetAppealFunction", 1L),
                new Bench.Extras(s3, lighthouse), 5, "1 1 1");

        JsonNode get = json.get("coldStart").get("GetAppealFunction");
        for (String key : List.of("medianMs", "floorMedianMs", "ratio", "ratioP25", "ratioP75", "ratioMin", "ratioMax", "runsMs", "pairedFloorMs")) {
            assertThat(get.has(key)).as(key).isTrue();
        }
        assertThat(get.get("ratio").asDouble()).isEqualTo(BenchStats.round(800.0 / 700.0, 3));
        // a child that could not read its CPU time leaves its pair out of the CPU-time ratio
        assertThat(get.get("cpuRatio").asDouble()).isEqualTo(1.105);
        for (String key : List.of("machine", "warm", "settle", "ledgerScaling", "cost", "artifacts")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("warm").get("GET /appeals/{id}").get("sdkP50Ms").asDouble()).isEqualTo(2.8);
        assertThat(json.get("ledgerScaling").has("pageAt100kMs")).isTrue();
        assertThat(json.get("cost").get("writeUnitsPerSettledDonation").asDouble()).isEqualTo(6);
        JsonNode pledge = json.get("pledgeWithProvider");
        assertThat(pledge.get("cold").get("ratioToProviderFloor").asDouble()).isEqualTo(BenchStats.round(910.0 / 855.0, 3));
        assertThat(pledge.get("warm").get("bareProviderCallP50Ms").asDouble()).isEqualTo(3.1);
        assertThat(json.get("s3PerAppealWithTwoDocuments").get("usdPerMillionAppeals").asDouble()).isEqualTo(21.6);
        assertThat(json.get("lighthouse").get("/").get("bestPractices").asInt()).isEqualTo(96);
        // the pledge here is 1.29 its floor: over the bar of 1.25
        assertThat(json.get("bars").get("coldMet").asBoolean()).isFalse();
        assertThat(json.get("bars").get("settleMet").asBoolean()).isTrue();

        String table = Bench.extrasTable(cold, warm, new Bench.Extras(s3, lighthouse));
        assertThat(table).contains("Pledge with its provider call").contains("S3 per appeal with 2 documents")
                .contains("Lighthouse 12.2.3");
    }
}
