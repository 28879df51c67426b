package id.peduli.bench;

import id.peduli.local.gateway.LocalContext;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.dynamodb.Dynamo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Warm latency per route in this JVM. Ours: the function's handler, built as Lambda builds it (so on the container's
 * own DynamoDB client), invoked with the event bytes ({@code handleRequest}: event parsing, the work, the answer's
 * serialisation). SDK: the very DynamoDB requests the handler made for an identical request, captured by a recording
 * client, replayed on the same client as the handler's and timed the same way. For routes that write, every
 * iteration records afresh and first undoes the recorded writes (every written item put back as it was), so the
 * replay does exactly the same work on exactly the same items; a route that writes nothing makes the same requests
 * every time and is recorded once. The pledge also creates the payment at the provider (the local payment sandbox on
 * loopback), so its bare side makes the same provider call with the JDK's HttpClient after the DynamoDB requests. The two are interleaved request by request so drift hits both alike.
 */
final class BenchWarm {
    private BenchWarm() {}

    /** {@code providerP50}: the bare provider call alone, for a route that makes one (else NaN). */
    record Result(String routeKey, String function, double p50, double p99, double sdkP50, double sdkP99, int samples,
                  String calls, double providerP50) {
        double ratio() {
            return p50 / sdkP50;
        }
    }

    static Map<String, Result> run(BenchWorld world, List<BenchWorld.Scenario> scenarios, BenchInterceptor recorder,
                                   DynamoDbClient recordingClient, int warmup, int samples) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        DynamoDbClient containerClient = Dynamo.fromEnvironment().client();
        Dynamo recording = new Dynamo(recordingClient, world.table);
        BenchProvider provider = new BenchProvider();
        for (BenchWorld.Scenario s : scenarios) {
            RequestStreamHandler ours = world.handler(s.function().handlerClass());
            HttpFunction recorded = s.factory().apply(Wiring.on(recording));
            List<Double> oursMs = new ArrayList<>(samples);
            List<Double> sdkMs = new ArrayList<>(samples);
            List<Double> providerMs = new ArrayList<>(samples);
            // The pledge creates the payment at the provider: its bare side makes the same provider call too.
            boolean callsProvider = s.function().handlerClass().endsWith(".PledgeHandler");
            String calls = null;
            BenchInterceptor.Recording reusable = null;
            for (int i = 0; i < warmup + samples; i++) {
                // ours
                BenchWorld.Prepared p = s.next().get();
                byte[] event = BenchEvents.bytes(p.event());
                ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
                long t0 = System.nanoTime();
                ours.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of("warm", s.function().logicalId(), 15));
                long t1 = System.nanoTime();
                BenchWorld.Answer answer = BenchWorld.answer(out.toByteArray());
                check(s, answer, p);

                // the same DynamoDB requests, bare (a route that writes nothing makes the same requests every
                // time, so its recording is reused; one that writes is recorded afresh and undone every time)
                if (reusable == null || !reusable.preImages.isEmpty()) {
                    BenchWorld.Prepared q = s.next().get();
                    byte[] event2 = BenchEvents.bytes(q.event());
                    BenchWorld.Answer[] recordedAnswer = new BenchWorld.Answer[1];
                    BenchInterceptor.Recording rec = recorder.record(() -> {
                        ByteArrayOutputStream o = new ByteArrayOutputStream(8192);
                        try {
                            recorded.handleRequest(new ByteArrayInputStream(event2), o, LocalContext.of("rec", s.function().logicalId(), 15));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        recordedAnswer[0] = BenchWorld.answer(o.toByteArray());
                        return null;
                    });
                    check(s, recordedAnswer[0], q);
                    BenchInterceptor.undo(world.admin, rec);
                    reusable = rec;
                }
                List<SdkRequest> requests = reusable.requests;
                long u0 = System.nanoTime();
                for (SdkRequest r : requests) {
                    BenchInterceptor.replay(containerClient, r);
                }
                long u1 = System.nanoTime();
                if (callsProvider) {
                    provider.create(world.publicAppeal, BenchWorld.DONATION);
                }
                long u2 = System.nanoTime();
                if (i >= warmup) {
                    oursMs.add(BenchStats.ms(t1 - t0));
                    sdkMs.add(BenchStats.ms(u2 - u0));
                    providerMs.add(BenchStats.ms(u2 - u1));
                }
                calls = String.join(" + ", reusable.operations) + (callsProvider ? " + Snap create (HTTP)" : "");
            }
            Result r = new Result(s.routeKey(), s.function().logicalId(),
                    BenchStats.percentile(oursMs, 50), BenchStats.percentile(oursMs, 99),
                    BenchStats.percentile(sdkMs, 50), BenchStats.percentile(sdkMs, 99), samples, calls,
                    callsProvider ? BenchStats.percentile(providerMs, 50) : Double.NaN);
            results.put(s.routeKey(), r);
            System.out.printf("  warm %-38s p50 %7.2f ms  p99 %7.2f ms  sdk p50 %7.2f ms  ratio %5.2f  [%s]%n",
                    r.routeKey(), r.p50(), r.p99(), r.sdkP50(), r.ratio(), calls);
        }
        return results;
    }

    private static void check(BenchWorld.Scenario s, BenchWorld.Answer answer, BenchWorld.Prepared p) {
        if (answer.status() != s.expected()) {
            throw new IllegalStateException(s.routeKey() + " answered " + answer.status() + " (expected "
                    + s.expected() + "): " + answer.body());
        }
        if (!p.effect().getAsBoolean()) {
            throw new IllegalStateException(s.routeKey() + " answered " + answer.status() + " without its effect: " + answer.body());
        }
    }
}
