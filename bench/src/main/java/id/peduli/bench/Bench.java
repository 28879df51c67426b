package id.peduli.bench;

import id.peduli.local.template.Template;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import id.peduli.core.store.dynamodb.Dynamo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import id.peduli.local.LocalStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code java -jar bench/target/peduli-bench.jar [--quick] [--cds] [--cold-only] [--against DIR] [--runs N]
 * [--template FILE] [--no-lighthouse]}: the benchmark of issue 7 against DynamoDB Local on loopback (in memory). Prints a table and writes
 * {@code target/bench/results.json} next to the template. {@code --quick} keeps it under four minutes on two cores
 * (fewer warm samples, a 20,000-entry long ledger); {@code --cds} also measures cold starts with application
 * class-data sharing (an archive per function and per floor, dumped by a training run); {@code --cold-only} runs only
 * the cold starts; {@code --against DIR} times this build's cold starts against another build's (a built checkout of
 * an earlier commit) in the same rounds.
 */
final class Bench {
    private Bench() {}

    /** Donations on the seeded ledger appeal: the warm ledger routes read it, Lighthouse loads its page. */
    static final int LEDGER_ENTRIES = 150;
    static final double COLD_TARGET = 1.25;
    static final double WARM_TARGET = 1.5;
    static final double SETTLE_TARGET = 0.7;
    static final double LEDGER_TARGET = 1.5;
    static final double WRITE_UNITS_TARGET = 8;
    static final long JAR_TARGET = 12L * 1024 * 1024;

    static int run(BenchMain.Options options) throws Exception {
        boolean quick = options.quick();
        boolean cds = options.cds();
        boolean coldOnly = options.coldOnly();
        Path against = options.against();
        int runs = options.runs();
        Path templatePath = options.template();
        long started = System.nanoTime();
        Path template = (templatePath != null ? templatePath : findTemplate()).toAbsolutePath();
        Path root = template.getParent();
        int warmup = quick ? 15 : 200;
        int samples = quick ? 100 : 1000;
        int longLedger = quick ? 20_000 : 100_000;
        int settlePerRun = quick ? 200 : 1000;
        int settleAppeals = quick ? 20 : 50;
        int workers = 4;

        String machine = machine() + (quick ? String.format("; bench --quick: ledgerScaling.pageAt100kMs measured at %,d entries", longLedger) : "");
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        System.out.printf("Peduli bench%s, %s%n  %s%n", quick ? " --quick" : "", date, machine);

        Template parsed = Template.load(template);
        Path work = Files.createTempDirectory("peduli-bench-");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(template, null, 0, false));
             DynamoDbClient admin = Dynamo.newClient()) {
            BenchInterceptor recorder = new BenchInterceptor(admin);
            try (DynamoDbClient recordingClient = BenchInterceptor.client(recorder)) {
                BenchWorld world = new BenchWorld(stack.tableName(), admin);
                System.out.println("seeding through the functions ...");
                world.seed(25, LEDGER_ENTRIES);
                List<BenchWorld.Scenario> scenarios = world.scenarios(parsed.functions());
                if (against != null || coldOnly) {
                    // In the full run the cold starts come after the warm phase, against a DynamoDB Local whose own
                    // code is compiled by then; a short warm phase keeps the cold-only figures comparable.
                    System.out.println("warming DynamoDB Local (a short warm phase, not reported) ...");
                    BenchWarm.run(world, scenarios, recorder, recordingClient, 15, 50);
                }
                if (against != null) {
                    // A change's effect: this build against another, interleaved; no results files.
                    System.out.printf("cold start, this build against %s: %d rounds%n", against, runs);
                    Map<String, Map<String, BenchCold.Result>> both = BenchCold.runAgainst(world, scenarios, root, against,
                            work, stack.dynamoEndpoint(), runs);
                    System.out.print(BenchCold.comparison(both));
                    section(started);
                    return 0;
                }
                if (coldOnly) {
                    // For working on cold starts: only the cold-start rounds; no results files.
                    System.out.printf("cold start only: %d rounds, each: every function beside a floor run of its jar%n", runs);
                    BenchCold.run(world, scenarios, root, work, stack.dynamoEndpoint(), runs);
                    section(started);
                    return 0;
                }

                section(started);
                System.out.printf("warm: %d requests per route after %d warm-up, ours and the bare SDK calls interleaved%n",
                        samples, warmup);
                Map<String, BenchWarm.Result> warm = BenchWarm.run(world, scenarios, recorder, recordingClient, warmup, samples);

                section(started);
                System.out.printf("settle: Midtrans webhook, %d workers at once%n", workers);
                BenchSettle.Result settle = BenchSettle.run(world, settlePerRun, settleAppeals, workers);

                section(started);
                System.out.println("ledger scaling ...");
                BenchLedger.Result ledger = BenchLedger.run(world, longLedger, warmup, quick ? 200 : 1000);

                section(started);
                System.out.println("cost ...");
                // The ledger read priced is the warm route's page: the first 100 entries of a 150-entry ledger.
                BenchCost.Result cost = BenchCost.run(world, recorder, recordingClient, world.ledgerAppeal, 0,
                        p50(warm, "POST /appeals/{id}/donations"), p50(warm, "POST /webhooks/midtrans"),
                        p50(warm, "GET /appeals/{id}/ledger"), quick ? 10 : 30);

                section(started);
                System.out.println("S3 requests per appeal with two documents ...");
                BenchS3.Result s3 = BenchS3.run(world);

                BenchLighthouse.Result lighthouse = null;
                if (options.lighthouse()) {
                    section(started);
                    System.out.println("lighthouse (mobile defaults, best of " + BenchLighthouse.RUNS + ") ...");
                    Map<String, String> pages = new LinkedHashMap<>();
                    // the appeal with the seeded ledger of LEDGER_ENTRIES donations, which no other phase changes (the
                    // page fetches and renders its whole ledger, so its length is part of the measurement)
                    pages.put("/a/{id}", stack.baseUrl() + "/a/" + world.ledgerAppeal);
                    pages.put("/", stack.baseUrl() + "/");
                    lighthouse = BenchLighthouse.run(root.resolve("bench").resolve(".lighthouse"), pages, work);
                }
                Extras extras = new Extras(s3, lighthouse);

                section(started);
                System.out.printf("cold start: %d rounds, each: every function beside a floor run of its jar%n", runs);
                String loadBefore = BenchCold.loadAverage();
                Map<String, BenchCold.Result> cold = BenchCold.run(world, scenarios, root, work, stack.dynamoEndpoint(), runs);
                String coldLoad = loadBefore + " before, " + BenchCold.loadAverage() + " after";
                Map<String, Map<String, BenchCold.Result>> coldCds = null;
                if (cds) {
                    section(started);
                    System.out.printf("AppCDS: %d rounds, each: per jar the floor without and with its archive, then every function without and with%n", runs);
                    coldCds = BenchCold.runCds(world, scenarios, root, work.resolve("cds-pass"), stack.dynamoEndpoint(), runs);
                }

                Map<String, Long> artifacts = new LinkedHashMap<>();
                for (Template.Function f : parsed.functions()) {
                    Path jar = root.resolve(f.codeUri());
                    artifacts.put(f.logicalId(), Files.isRegularFile(jar) ? Files.size(jar) : -1L);
                }

                section(started);
                double seconds = (System.nanoTime() - started) / 1e9;
                String table = table(machine, date, quick, cold, coldLoad, coldCds, warm, settle, ledger, cost, artifacts, seconds)
                        + extrasTable(cold, warm, extras);
                System.out.println();
                System.out.print(table);
                Path out = root.resolve("target").resolve("bench");
                Files.createDirectories(out);
                Files.writeString(out.resolve("results.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json(machine, cold, warm, settle, ledger, cost, artifacts, extras, runs, coldLoad)) + "\n");
                Files.writeString(out.resolve("results.txt"), table);
                System.out.println("wrote " + root.relativize(out.resolve("results.json")) + " and results.txt");
            }
        } finally {
            deleteTree(work);
        }
        return 0;
    }

    /** template.yaml in the working directory or one of its parents (so it runs from the project or a module). */
    static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found here or above; run from the project, or pass --template FILE");
    }

    private static void section(long started) {
        System.out.printf("  [%.0f s]%n", (System.nanoTime() - started) / 1e9);
    }

    private static double p50(Map<String, BenchWarm.Result> warm, String route) {
        BenchWarm.Result r = warm.get(route);
        if (r == null) {
            throw new IllegalStateException("no warm result for " + route);
        }
        return r.p50();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // not Linux: keep "unknown CPU"
        }
        long memoryMb = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryMb = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // leave unknown
        }
        return String.format("%s, nproc %d, %s MB RAM, %s %s %s, Java %s (%s)", cpu, Runtime.getRuntime().availableProcessors(),
                memoryMb < 0 ? "?" : Long.toString(memoryMb), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    }

    private static String verdict(boolean ok) {
        return ok ? "met" : "NOT met";
    }

    static String table(String machine, String date, boolean quick, Map<String, BenchCold.Result> cold, String coldLoad,
                        Map<String, Map<String, BenchCold.Result>> coldCds, Map<String, BenchWarm.Result> warm,
                        BenchSettle.Result settle, BenchLedger.Result ledger, BenchCost.Result cost,
                        Map<String, Long> artifacts, double seconds) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("Peduli benchmark%s, %s, %.0f s%n%s%n%n", quick ? " (--quick)" : "", date, seconds, machine));

        t.append(String.format("Cold start: fresh JVM -XX:TieredStopAtLevel=1 -cp <function jar>, spawn to first answer; %d runs,%n"
                + "  each beside a floor run of its jar; ratio = median of the paired ratios, with their quartiles and range%n",
                cold.values().iterator().next().runsMs().size()));
        t.append(String.format("  %-26s %10s %10s %7s %11s %11s   %s%n", "function", "median ms", "floor ms", "ratio", "IQR",
                "min-max", "CPU-time ratio (IQR)"));
        boolean coldOk = true;
        for (BenchCold.Result r : cold.values()) {
            coldOk &= r.ratio() <= COLD_TARGET;
            t.append(String.format("  %-26s %10.1f %10.1f %7.2f   %.2f-%.2f   %.2f-%.2f   %.2f (%.2f-%.2f)%n", r.function(), r.median(),
                    r.floorMedian(), r.ratio(), r.ratioP25(), r.ratioP75(), r.ratioMin(), r.ratioMax(), r.cpuRatio(),
                    BenchStats.percentile(r.cpuRatios(), 25), BenchStats.percentile(r.cpuRatios(), 75)));
        }
        t.append(String.format("  target ratio <= %.2f for every function: %s%n", COLD_TARGET, verdict(coldOk)));
        t.append(String.format("  load average (1/5/15 min) %s%n", coldLoad));
        if (coldCds != null) {
            t.append(String.format("%nCold start with application CDS (dynamic archive per function and per floor, one training run each),%n"
                    + "against no CDS in the same rounds; both with the runner as a jar (JDK 17 archives jars only)%n"));
            t.append(String.format("  %-26s %10s %10s %8s %8s %8s %8s%n", "function", "no CDS ms", "CDS ms", "change",
                    "floor", "floor CDS", "ratio CDS"));
            for (BenchCold.Result off : coldCds.get("noCds").values()) {
                BenchCold.Result on = coldCds.get("cds").get(off.function());
                t.append(String.format("  %-26s %10.1f %10.1f %7.0f%% %8.1f %8.1f %8.2f%n", off.function(), off.median(),
                        on.median(), 100 * (on.median() / off.median() - 1), off.floorMedian(), on.floorMedian(), on.ratio()));
            }
        }
        t.append(String.format("%nWarm: handleRequest in this JVM, %d requests after warm-up; sdk = the same DynamoDB requests, bare%n",
                warm.values().iterator().next().samples()));
        t.append(String.format("  %-38s %8s %8s %8s %7s   %s%n", "route", "p50 ms", "p99 ms", "sdk p50", "ratio", "DynamoDB calls"));
        boolean warmOk = true;
        for (BenchWarm.Result r : warm.values()) {
            warmOk &= r.ratio() <= WARM_TARGET;
            t.append(String.format("  %-38s %8.2f %8.2f %8.2f %7.2f   %s%n", r.routeKey(), r.p50(), r.p99(), r.sdkP50(), r.ratio(),
                    r.calls()));
        }
        t.append(String.format("  target ratio <= %.2f for every route: %s%n", WARM_TARGET, verdict(warmOk)));

        t.append(String.format("%nSettle: Midtrans webhook vs the same requests made directly, %d at once%n", settle.workers()));
        for (BenchSettle.Run r : settle.runs()) {
            t.append(String.format("  %-14s %5d donations each: ours %7.1f/s  direct %7.1f/s  ratio %.2f  (resent after 503: %d / %d)%n",
                    r.scenario(), r.donations(), r.oursPerSecond(), r.directPerSecond(), r.ratio(), r.oursResends(),
                    r.directResends()));
        }
        t.append(String.format("  both together:                  ours %7.1f/s  direct %7.1f/s  ratio %.2f  target >= %.1f: %s%n",
                settle.perSecond(), settle.sdkPerSecond(), settle.ratio(), SETTLE_TARGET, verdict(settle.ratio() >= SETTLE_TARGET)));

        t.append(String.format("%nLedger scaling: one page of 100 (p50 of %s)%n", "the handler"));
        t.append(String.format("  at 100 entries %.2f ms (p99 %.2f), at %,d entries %.2f ms (p99 %.2f)%s, ratio %.2f  target <= %.1f: %s%n",
                ledger.pageAt100(), ledger.p99At100(), ledger.longEntries(), ledger.pageAtLong(), ledger.p99AtLong(),
                ledger.longEntries() < 100_000 ? " [--quick: 20,000 instead of 100,000]" : "",
                ledger.ratio(), LEDGER_TARGET, verdict(ledger.ratio() <= LEDGER_TARGET)));

        t.append(String.format("%nCost (DynamoDB ReturnConsumedCapacity=TOTAL; prices: us-east-1 list)%n"));
        t.append(String.format("  pledge          %5.2f WRU %5.2f RRU   %s%n", cost.pledge().write(), cost.pledge().read(), cost.pledge().calls()));
        t.append(String.format("  settle webhook  %5.2f WRU %5.2f RRU   %s%n", cost.webhook().write(), cost.webhook().read(), cost.webhook().calls()));
        t.append(String.format("  ledger page     %5.2f WRU %5.2f RRU   %s%n", cost.ledgerPage().write(), cost.ledgerPage().read(), cost.ledgerPage().calls()));
        t.append("  (transactions: DynamoDB's rule, 2 WRU per started KB per action; DynamoDB Local reports a flat 4.0 each)\n");
        for (String tx : cost.webhook().transactions()) {
            t.append("  settle transaction: ").append(tx).append('\n');
        }
        t.append(String.format("  write units per settled donation %.2f, target <= %.0f: %s%n", cost.webhook().write(),
                WRITE_UNITS_TARGET, verdict(cost.webhook().write() <= WRITE_UNITS_TARGET)));
        t.append(String.format("  USD per million donations: %.2f (Lambda %.2f at %.2f + %.2f + %.2f ms, HTTP API %.2f, DynamoDB %.2f)%n",
                cost.usdPerMillion(), cost.lambdaUsd(), cost.pledgeMs(), cost.webhookMs(), cost.ledgerMs(), cost.apiUsd(), cost.dynamoUsd()));

        t.append(String.format("%nArtifacts (CodeUri)%n"));
        boolean jarsOk = true;
        for (Map.Entry<String, Long> a : artifacts.entrySet()) {
            jarsOk &= a.getValue() >= 0 && a.getValue() <= JAR_TARGET;
        }
        for (Map.Entry<String, Long> a : artifacts.entrySet()) {
            t.append(String.format("  %-26s %,12d bytes (%.2f MiB)%n", a.getKey(), a.getValue(), a.getValue() / 1048576.0));
        }
        t.append(String.format("  target <= 12 MiB for every jar: %s%n", verdict(jarsOk)));
        return t.toString();
    }

    private static String runs(List<Double> values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : " ").append(Math.round(v));
        }
        return out.toString();
    }

    static ObjectNode json(String machine, Map<String, BenchCold.Result> cold, Map<String, BenchWarm.Result> warm,
                           BenchSettle.Result settle, BenchLedger.Result ledger, BenchCost.Result cost,
                           Map<String, Long> artifacts, Extras extras, int runs, String coldLoad) {
        ObjectNode root = Json.object();
        root.put("machine", machine);
        ObjectNode c = root.putObject("coldStart");
        cold.values().forEach(r -> {
            ObjectNode o = c.putObject(r.function());
            o.put("medianMs", BenchStats.round(r.median(), 1));
            o.put("floorMedianMs", BenchStats.round(r.floorMedian(), 1));
            // the median of the paired ratios (each cold start over the floor run beside it), with their spread
            o.put("ratio", BenchStats.round(r.ratio(), 3));
            o.put("ratioP25", BenchStats.round(r.ratioP25(), 3));
            o.put("ratioP75", BenchStats.round(r.ratioP75(), 3));
            o.put("ratioMin", BenchStats.round(r.ratioMin(), 3));
            o.put("ratioMax", BenchStats.round(r.ratioMax(), 3));
            o.put("runs", r.runsMs().size());
            // the same pairs by the children's own CPU time up to the answer (all threads), which other processes'
            // load barely changes: a second view of the same cold starts, steadier on a busy machine
            if (!r.cpuRatios().isEmpty()) {
                o.put("cpuMedianMs", BenchStats.round(BenchStats.median(r.cpuMs()), 0));
                o.put("cpuFloorMedianMs", BenchStats.round(BenchStats.median(r.cpuFloorMs()), 0));
                o.put("cpuRatio", BenchStats.round(r.cpuRatio(), 3));
                o.put("cpuRatioP25", BenchStats.round(BenchStats.percentile(r.cpuRatios(), 25), 3));
                o.put("cpuRatioP75", BenchStats.round(BenchStats.percentile(r.cpuRatios(), 75), 3));
            }
            var runsMs = o.putArray("runsMs");
            r.runsMs().forEach(v -> runsMs.add(BenchStats.round(v, 1)));
            var floorMs = o.putArray("pairedFloorMs");
            r.floorMs().forEach(v -> floorMs.add(BenchStats.round(v, 1)));
            if (!r.providerFloorMs().isEmpty()) {
                var providerMs = o.putArray("pairedProviderFloorMs");
                r.providerFloorMs().forEach(v -> providerMs.add(BenchStats.round(v, 1)));
            }
        });
        root.put("coldStartMethod", "paired: each cold start beside a floor run of its jar (floor first in even rounds, "
                + "second in odd); ratio = median of the " + runs + " paired ratios; load average " + coldLoad);
        ObjectNode w = root.putObject("warm");
        warm.values().forEach(r -> {
            ObjectNode o = w.putObject(r.routeKey());
            o.put("p50Ms", BenchStats.round(r.p50(), 3));
            o.put("p99Ms", BenchStats.round(r.p99(), 3));
            o.put("sdkP50Ms", BenchStats.round(r.sdkP50(), 3));
            o.put("ratio", BenchStats.round(r.ratio(), 3));
        });
        ObjectNode s = root.putObject("settle");
        s.put("perSecond", BenchStats.round(settle.perSecond(), 1));
        s.put("sdkPerSecond", BenchStats.round(settle.sdkPerSecond(), 1));
        s.put("ratio", BenchStats.round(settle.ratio(), 3));
        ObjectNode l = root.putObject("ledgerScaling");
        l.put("pageAt100Ms", BenchStats.round(ledger.pageAt100(), 3));
        l.put("pageAt100kMs", BenchStats.round(ledger.pageAtLong(), 3));
        l.put("ratio", BenchStats.round(ledger.ratio(), 3));
        ObjectNode k = root.putObject("cost");
        k.put("writeUnitsPerSettledDonation", BenchStats.round(cost.webhook().write(), 2));
        k.put("readUnitsPerLedgerPage", BenchStats.round(cost.ledgerPage().read(), 2));
        k.put("usdPerMillionDonations", BenchStats.round(cost.usdPerMillion(), 2));
        ObjectNode a = root.putObject("artifacts");
        artifacts.forEach((id, bytes) -> a.putObject(id).put("jarBytes", bytes));

        // the pledge with its provider call (the local payment sandbox on loopback), beside the same call made bare
        BenchCold.Result pc = pledge(cold);
        BenchWarm.Result pw = warm.get(PLEDGE_ROUTE);
        if (pc != null && pw != null) {
            ObjectNode p = root.putObject("pledgeWithProvider");
            ObjectNode pcold = p.putObject("cold");
            pcold.put("medianMs", BenchStats.round(pc.median(), 1));
            pcold.put("floorMedianMs", BenchStats.round(pc.floorMedian(), 1));
            pcold.put("ratio", BenchStats.round(pc.ratio(), 3));
            pcold.put("providerFloorMedianMs", BenchStats.round(pc.providerFloorMedian(), 1));
            pcold.put("ratioToProviderFloor", BenchStats.round(pc.providerRatio(), 3));
            pcold.put("ratioToProviderFloorP25", BenchStats.round(BenchStats.percentile(pc.providerRatios(), 25), 3));
            pcold.put("ratioToProviderFloorP75", BenchStats.round(BenchStats.percentile(pc.providerRatios(), 75), 3));
            ObjectNode pwarm = p.putObject("warm");
            pwarm.put("p50Ms", BenchStats.round(pw.p50(), 3));
            pwarm.put("p99Ms", BenchStats.round(pw.p99(), 3));
            pwarm.put("bareP50Ms", BenchStats.round(pw.sdkP50(), 3));
            pwarm.put("bareProviderCallP50Ms", BenchStats.round(pw.providerP50(), 3));
            pwarm.put("ratio", BenchStats.round(pw.ratio(), 3));
        }
        ObjectNode s3 = root.putObject("s3PerAppealWithTwoDocuments");
        extras.s3().byVerb().forEach(s3::put);
        ObjectNode ops = s3.putObject("byOperation");
        extras.s3().byOperation().forEach(ops::put);
        s3.put("putClassRequests", extras.s3().putClassRequests());
        s3.put("getClassRequests", extras.s3().getClassRequests());
        s3.put("usdPerMillionAppeals", BenchStats.round(extras.s3().usdPerMillionAppeals(), 2));
        if (extras.lighthouse() != null) {
            ObjectNode lh = root.putObject("lighthouse");
            lh.put("version", extras.lighthouse().version());
            lh.put("settings", "mobile defaults, best of " + BenchLighthouse.RUNS + ", " + BenchLighthouse.CHROME
                    + " --headless=new --no-sandbox");
            lh.put("appealLedgerEntries", LEDGER_ENTRIES);
            for (BenchLighthouse.Page page : extras.lighthouse().pages()) {
                ObjectNode o = lh.putObject(page.path());
                o.put("performance", page.best().get("performance"));
                o.put("accessibility", page.best().get("accessibility"));
                o.put("bestPractices", page.best().get("best-practices"));
                var runsArray = o.putArray("runs");
                page.runs().forEach(r -> {
                    ObjectNode one = runsArray.addObject();
                    r.forEach(one::put);
                });
            }
        }
        ObjectNode bars = root.putObject("bars");
        bars.put("coldMaxRatio", BenchStats.round(cold.values().stream().mapToDouble(BenchCold.Result::ratio).max().orElse(Double.NaN), 3));
        bars.put("coldMet", cold.values().stream().allMatch(r -> r.ratio() <= COLD_TARGET));
        bars.put("warmMaxRatio", BenchStats.round(warm.values().stream().mapToDouble(BenchWarm.Result::ratio).max().orElse(Double.NaN), 3));
        bars.put("warmMet", warm.values().stream().allMatch(r -> r.ratio() <= WARM_TARGET));
        bars.put("settleRatio", BenchStats.round(settle.ratio(), 3));
        bars.put("settleMet", settle.ratio() >= SETTLE_TARGET);
        return root;
    }

    /** What this harness measures beyond issue 7's figures. */
    record Extras(BenchS3.Result s3, BenchLighthouse.Result lighthouse) {}

    static final String PLEDGE_ROUTE = "POST /appeals/{id}/donations";

    private static BenchCold.Result pledge(Map<String, BenchCold.Result> cold) {
        return cold.values().stream().filter(r -> !r.providerFloorMs().isEmpty()).findFirst().orElse(null);
    }

    static String extrasTable(Map<String, BenchCold.Result> cold, Map<String, BenchWarm.Result> warm, Extras extras) {
        StringBuilder t = new StringBuilder();
        BenchCold.Result pc = pledge(cold);
        BenchWarm.Result pw = warm.get(PLEDGE_ROUTE);
        if (pc != null && pw != null) {
            t.append(String.format("%nPledge with its provider call (Snap create on the local payment sandbox, loopback)%n"));
            t.append(String.format("  cold  %.1f ms: SDK floor %.1f ms (ratio %.2f), floor + the bare provider call %.1f ms (ratio %.2f, IQR %.2f-%.2f)%n",
                    pc.median(), pc.floorMedian(), pc.ratio(), pc.providerFloorMedian(), pc.providerRatio(),
                    BenchStats.percentile(pc.providerRatios(), 25), BenchStats.percentile(pc.providerRatios(), 75)));
            t.append(String.format("  warm  p50 %.2f ms (p99 %.2f): bare DynamoDB requests + bare provider call %.2f ms (the call alone %.2f), ratio %.2f%n",
                    pw.p50(), pw.p99(), pw.sdkP50(), pw.providerP50(), pw.ratio()));
        }
        BenchS3.Result s3 = extras.s3();
        t.append(String.format("%nS3 per appeal with %d documents (announce, PUT, complete, officer list and GET)%n", s3.documents()));
        t.append(String.format("  requests %s%n  by operation %s%n", s3.byVerb(), s3.byOperation()));
        t.append(String.format("  USD per million appeals: %.2f (%d PUT-class at $%.4f/1,000, %d GET-class at $%.4f/1,000, %d DELETE free)%n",
                s3.usdPerMillionAppeals(), s3.putClassRequests(), BenchS3.PUT_CLASS_PER_1000, s3.getClassRequests(),
                BenchS3.GET_CLASS_PER_1000, s3.free()));
        if (extras.lighthouse() != null) {
            t.append(String.format("%nLighthouse %s, mobile defaults, best of %d (reported, not asserted); the appeal has %d ledger entries%n",
                    extras.lighthouse().version(), BenchLighthouse.RUNS, LEDGER_ENTRIES));
            for (BenchLighthouse.Page page : extras.lighthouse().pages()) {
                t.append(String.format("  %-8s performance %3d  accessibility %3d  best practices %3d   runs %s%n", page.path(),
                        page.best().get("performance"), page.best().get("accessibility"), page.best().get("best-practices"),
                        page.runs()));
            }
        }
        return t.toString();
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
