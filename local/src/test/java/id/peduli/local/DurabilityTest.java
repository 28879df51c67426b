package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.tools.LedgerVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack killed with {@code kill -9} while settlements pour in, then restarted on the same data directory:
 * no settled donation is lost and the ledger still verifies. Runs the stack in its own JVM, as a user does.
 * Needs: nothing but the JDK.
 */
class DurabilityTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killedUnderLoad_andRestarted_losesNoSettledDonation(@TempDir Path dir) throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process stack = start(dir, port);
        try {
            String appeal = appealWithPledges(base, 40);
            List<JsonNode> pledges = seeded;
            List<String> applied = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Thread sender = new Thread(() -> {
                    for (int i = offset; i < pledges.size() && !killed.get(); i += 4) {
                        JsonNode p = pledges.get(i);
                        try {
                            JsonNode r = post(base + "/webhooks/midtrans", settlement(p), null);
                            if (r != null && "applied".equals(r.path("result").asText())) {
                                applied.add(p.get("id").asText());
                            }
                        } catch (Exception e) {
                            return; // the stack died under us
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            while (applied.size() < 10) {
                Thread.sleep(5);
            }
            stack.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            killed.set(true);
            stack.waitFor(30, TimeUnit.SECONDS);
            for (Thread s : senders) {
                s.join();
            }

            stack = start(dir, port);
            for (String id : applied) {
                assertThat(get(base + "/donations/" + id).get("status").asText()).as(id).isEqualTo("SETTLED");
            }
            assertThat(LedgerVerifier.verify(base, appeal, new java.io.PrintWriter(java.io.Writer.nullWriter())))
                    .isEmpty();
            long donated = get(base + "/appeals/" + appeal + "/ledger").get("totals").get("donationCount").asLong();
            assertThat(donated).isGreaterThanOrEqualTo(applied.size());

            // the provider retries everything; each donation ends credited exactly once
            for (JsonNode p : pledges) {
                post(base + "/webhooks/midtrans", settlement(p), null);
            }
            JsonNode totals = get(base + "/appeals/" + appeal + "/ledger").get("totals");
            assertThat(totals.get("donationCount").asLong()).isEqualTo(pledges.size());
            assertThat(totals.get("donated").asLong()).isEqualTo(pledges.stream().mapToLong(p -> p.get("amount").asLong()).sum());
            assertThat(LedgerVerifier.verify(base, appeal, new java.io.PrintWriter(java.io.Writer.nullWriter())))
                    .isEmpty();
        } finally {
            stack.destroyForcibly();
            stack.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private List<JsonNode> seeded;

    private String appealWithPledges(String base, int count) throws Exception {
        JsonNode created = post(base + "/appeals", LocalApi.appealBody("64.72").put("targetAmount", 2_000_000_000L), null);
        String appeal = created.get("id").asText();
        String token = post(base + "/_local/token", Json.object().put("sub", "o").set("groups",
                Json.array().add("officer:64.72")), null).get("token").asText();
        post(base + "/admin/appeals/" + appeal + "/decisions", Json.object().put("decision", "VERIFY"), token);
        seeded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeded.add(post(base + "/appeals/" + appeal + "/donations", PaymentsApiTest.body(10_000 + i, "midtrans"), null));
        }
        return appeal;
    }

    private static ObjectNode settlement(JsonNode pledge) {
        long amount = pledge.get("amount").asLong();
        return LocalApi.midtrans(pledge.get("orderId").asText(), "settlement", amount + ".00", "accept");
    }

    private Process start(Path dir, int port) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--port", Integer.toString(port),
                "--template", Main.findTemplate().toString());
        Path log = Files.createTempFile(dir, "stack", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/appeals")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return p;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("stack did not start: " + Files.readString(log));
    }

    private JsonNode post(String url, JsonNode body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return Json.mapper().readTree(r.body());
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return Json.mapper().readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
