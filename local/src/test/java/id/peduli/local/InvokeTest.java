package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.FaultInjector;
import id.peduli.local.tools.SampleStory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sample events in events/ replayed in the order of the story they tell (events/README.md), on the test
 * stack's table seeded with the story's appeal as {@code invoke --seed} seeds it; each gets the answer the README
 * promises. And the {@code invoke} command itself, in a separate JVM as a user would run it. Needs: nothing but
 * the JDK.
 */
class InvokeTest {
    private static final Path EVENTS = Main.findTemplate().getParent().resolve("events");

    private static JsonNode invoke(String function, String file) throws Exception {
        JsonNode event = Json.mapper().readTree(EVENTS.resolve(file).toFile());
        return LocalApi.stack().functions().invoke(function, event, UUID.randomUUID().toString());
    }

    private static JsonNode body(JsonNode answer) throws Exception {
        return Json.mapper().readTree(answer.get("body").asText());
    }

    @Test
    void theSampleStory_replaysInOrder_withTheAnswersTheReadmePromises() throws Exception {
        LocalApi.stack();
        assertThat(SampleStory.seed(EVENTS)).isTrue();
        assertThat(SampleStory.seed(EVENTS)).as("seeding twice writes nothing new").isFalse();

        List<String[]> story = List.of(
                new String[] {"SubmitAppealFunction", "submit-appeal.json", "201"},
                new String[] {"SubmitAppealFunction", "submit-appeal-invalid.json", "400"},
                new String[] {"GetAppealFunction", "get-appeal.json", "404"},
                new String[] {"TrackAppealFunction", "tracking.json", "200"},
                new String[] {"OfficerQueueFunction", "officer-queue.json", "200"},
                new String[] {"OfficerAppealFunction", "officer-appeal.json", "200"},
                new String[] {"DecideAppealFunction", "decision-refer.json", "200"},
                new String[] {"DecideAppealFunction", "decision-verify.json", "200"},
                new String[] {"ListAppealsFunction", "list-appeals.json", "200"},
                new String[] {"GetAppealFunction", "get-appeal.json", "200"},
                new String[] {"PledgeFunction", "pledge.json", "201"},
                new String[] {"PledgeFunction", "pledge-xendit.json", "201"},
                new String[] {"ReceiptFunction", "receipt.json", "200"},
                new String[] {"MidtransWebhookFunction", "midtrans-forged.json", "401"},
                new String[] {"MidtransWebhookFunction", "midtrans-settlement.json", "200"},
                new String[] {"MidtransWebhookFunction", "midtrans-expire.json", "200"},
                new String[] {"XenditWebhookFunction", "xendit-forged.json", "401"},
                new String[] {"XenditWebhookFunction", "xendit-paid.json", "200"},
                new String[] {"LedgerFunction", "ledger.json", "200"},
                new String[] {"LedgerCsvFunction", "ledger-csv.json", "200"},
                new String[] {"DisbursementFunction", "disbursement.json", "201"});
        for (String[] step : story) {
            JsonNode answer = invoke(step[0], step[1]);
            assertThat(answer.get("statusCode").asInt()).as(step[1] + ": " + answer).isEqualTo(Integer.parseInt(step[2]));
        }

        assertThat(body(invoke("GetAppealFunction", "get-appeal.json")).get("regionCode").asText()).isEqualTo("64.08");
        assertThat(body(invoke("TrackAppealFunction", "tracking.json")).get("events")).hasSize(2);
        assertThat(body(invoke("ReceiptFunction", "receipt.json")).get("status").asText()).isEqualTo("SETTLED");
        assertThat(body(invoke("MidtransWebhookFunction", "midtrans-settlement.json")).get("result").asText())
                .isEqualTo("duplicate");
        JsonNode totals = body(invoke("LedgerFunction", "ledger.json")).get("totals");
        assertThat(totals.get("donated").asLong()).isEqualTo(75_000);
        assertThat(totals.get("disbursed").asLong()).isEqualTo(70_000);
        JsonNode report = invoke("ReconcilePaymentsFunction", "reconcile.json");
        assertThat(report.has("examined")).as(report.toString()).isTrue();
    }

    @Test
    void snapStartPriming_reachesDynamoDb_andWritesNothing() throws Exception {
        LocalApi.stack();
        try (var client = id.peduli.core.store.dynamodb.Dynamo.newClient()) {
            int before = client.scan(s -> s.tableName(LocalApi.stack().tableName()).select("COUNT")).count();
            FaultInjector.arm("GetItem", FaultInjector.Fault.CONNECTION, 1.0);
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(id.peduli.core.wiring.Priming::prime)
                        .as("priming makes a real GetItem").isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
            } finally {
                FaultInjector.disarm();
            }
            id.peduli.core.wiring.Priming.prime();
            assertThat(client.scan(s -> s.tableName(LocalApi.stack().tableName()).select("COUNT")).count()).isEqualTo(before);
        }
    }

    @Test
    void invokeCommand_runsOneFunctionOnOneEvent_inItsOwnJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "invoke", "SubmitAppealFunction", EVENTS.resolve("submit-appeal.json").toString(), "--in-memory",
                "--template", Main.findTemplate().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        JsonNode answer = Json.mapper().readTree(out.substring(out.indexOf('{')));
        assertThat(answer.get("statusCode").asInt()).isEqualTo(201);
        assertThat(Json.mapper().readTree(answer.get("body").asText()).get("status").asText()).isEqualTo("SUBMITTED");
    }
}
