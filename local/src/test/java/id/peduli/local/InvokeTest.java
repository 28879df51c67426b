package id.peduli.local;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample events in events/ run against their functions, as {@code invoke} runs them; and the {@code invoke}
 * command itself, in a separate JVM as a user would run it. Needs: nothing but the JDK.
 */
class InvokeTest {
    private static final Path EVENTS = Main.findTemplate().getParent().resolve("events");

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "SubmitAppealFunction, submit-appeal.json, 201",
            "SubmitAppealFunction, submit-appeal-invalid.json, 400",
            "ListAppealsFunction, list-appeals.json, 200",
            "GetAppealFunction, get-appeal.json, 404",
            "PledgeFunction, pledge.json, 404",
            "ReceiptFunction, receipt.json, 404",
            "MidtransWebhookFunction, midtrans-settlement.json, 404",
            "MidtransWebhookFunction, midtrans-expire.json, 404",
            "MidtransWebhookFunction, midtrans-forged.json, 401",
            "XenditWebhookFunction, xendit-paid.json, 404",
            "XenditWebhookFunction, xendit-forged.json, 401",
            "LedgerFunction, ledger.json, 404",
            "LedgerCsvFunction, ledger-csv.json, 404",
            "OfficerQueueFunction, officer-queue.json, 200",
            "OfficerAppealFunction, officer-appeal.json, 404",
            "DecideAppealFunction, decision-verify.json, 404",
            "DecideAppealFunction, decision-refer.json, 404",
            "DisbursementFunction, disbursement.json, 404"})
    void sampleEvent_getsTheExpectedAnswer(String function, String file, int status) throws Exception {
        // The samples tell one story about ids this fresh table does not hold, so reads of them are 404: the point
        // is that each event reaches its function's logic (authenticity, validation, lookup) intact.
        JsonNode event = Json.mapper().readTree(EVENTS.resolve(file).toFile());
        JsonNode answer = LocalApi.stack().functions().invoke(function, event, UUID.randomUUID().toString());
        assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(status);
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
