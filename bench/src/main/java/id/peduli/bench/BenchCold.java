package id.peduli.bench;

import id.peduli.core.store.dynamodb.Keys;
import id.peduli.bench.child.Floor;
import id.peduli.bench.child.ProviderFloor;
import id.peduli.bench.child.Runner;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Cold starts: for each function a fresh JVM, {@code java -XX:TieredStopAtLevel=1 -cp <deployable jar>:<runner dir>
 * Runner <HandlerClass> <event.json>}, timed by this process from just before the spawn to the child's
 * {@code status} line, which it prints as soon as the handler has answered a real event (one that reads or writes
 * DynamoDB). Configuration reaches the child only through the environment variables Lambda sets. The floor is the
 * same JVM, flags and classpath doing nothing but building the functions' DynamoDB client and one GetItem. Runs are
 * paired: every cold start of a function has a floor run right beside it (floor first in even rounds, second in odd
 * ones), and the function's ratio is the median of its paired ratios, reported with their quartiles and range, so
 * load that comes and goes (this machine is shared) hits a run and its floor alike. The pledge, which calls the
 * payment provider, also has a provider floor beside each run: the floor plus the same provider call made bare.
 */
final class BenchCold {
    private BenchCold() {}

    /**
     * One function's cold starts, each with the floor run beside it ({@code floorMs.get(i)} pairs with
     * {@code runsMs.get(i)}), and for a function that calls a payment provider the provider floor beside it too.
     */
    record Result(String function, String jar, List<Double> runsMs, List<Double> floorMs, List<Double> providerFloorMs,
                  List<Double> cpuMs, List<Double> cpuFloorMs) {
        /** Without CPU times (tests, older callers). */
        Result(String function, String jar, List<Double> runsMs, List<Double> floorMs, List<Double> providerFloorMs) {
            this(function, jar, runsMs, floorMs, providerFloorMs, List.of(), List.of());
        }

        /** Each run's CPU time over its paired floor's (NaN pairs, where a child could not say, left out). */
        List<Double> cpuRatios() {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < cpuMs.size() && i < cpuFloorMs.size(); i++) {
                if (cpuMs.get(i) > 0 && cpuFloorMs.get(i) > 0) {
                    out.add(cpuMs.get(i) / cpuFloorMs.get(i));
                }
            }
            return out;
        }

        /** The median of the paired CPU-time ratios: the work a cold start does beyond its floor, whatever the load. */
        double cpuRatio() {
            return BenchStats.median(cpuRatios());
        }

        double median() {
            return BenchStats.median(runsMs);
        }

        double floorMedian() {
            return BenchStats.median(floorMs);
        }

        /** Each run over its own floor. */
        List<Double> ratios() {
            return BenchStats.ratios(runsMs, floorMs);
        }

        /** The median of the paired ratios. */
        double ratio() {
            return BenchStats.median(ratios());
        }

        double ratioP25() {
            return BenchStats.percentile(ratios(), 25);
        }

        double ratioP75() {
            return BenchStats.percentile(ratios(), 75);
        }

        double ratioMin() {
            return BenchStats.min(ratios());
        }

        double ratioMax() {
            return BenchStats.max(ratios());
        }

        double providerFloorMedian() {
            return BenchStats.median(providerFloorMs);
        }

        List<Double> providerRatios() {
            return BenchStats.ratios(runsMs, providerFloorMs);
        }

        double providerRatio() {
            return BenchStats.median(providerRatios());
        }
    }

    static final String RUNNER_PACKAGE = "id/peduli/bench/child/";

    private record Child(List<String> command, Map<String, String> environment) {}

    /** {@code cpuMs}: the child's CPU time (all threads) up to its answer, as it reported it; -1 when unknown. */
    record Spawned(double ms, int status, String output, double cpuMs) {}

    /**
     * One way of starting the children: what follows the function's jar on the classpath (the runner directory, or
     * the same classes as a jar, which CDS needs) and the extra JVM flags for a floor of a jar or for a function.
     */
    record Arm(String name, Path root, Path runner, java.util.function.Function<String, List<String>> flags) {}

    /** The main measurement: no extra flags, the runner as a directory. */
    static Map<String, Result> run(BenchWorld world, List<BenchWorld.Scenario> scenarios, Path root, Path work,
                                   String endpoint, int runs) throws Exception {
        Path runnerDir = extractRunner(work.resolve("runner"));
        Arm plain = new Arm("", root, runnerDir, key -> List.of());
        return measure(world, scenarios, work, endpoint, runs, List.of(plain), 0).get(plain);
    }

    /**
     * This build against another (a checkout of an earlier commit, built): the same events, in the same rounds,
     * each build with its own floor, so a change's effect is measured under the same load.
     */
    static Map<String, Map<String, Result>> runAgainst(BenchWorld world, List<BenchWorld.Scenario> scenarios, Path root,
                                                       Path otherRoot, Path work, String endpoint, int runs) throws Exception {
        Path runnerDir = extractRunner(work.resolve("runner"));
        Arm mine = new Arm("this build", root, runnerDir, key -> List.of());
        Arm other = new Arm("against " + otherRoot, otherRoot, runnerDir, key -> List.of());
        Map<Arm, Map<String, Result>> measured = measure(world, scenarios, work, endpoint, runs, List.of(mine, other), 0);
        Map<String, Map<String, Result>> out = new LinkedHashMap<>();
        out.put(mine.name(), measured.get(mine));
        out.put(other.name(), measured.get(other));
        return out;
    }

    /**
     * Application class-data sharing, measured against no sharing in the same rounds: one training run per function
     * and per floor writes a dynamic archive at exit ({@code -XX:ArchiveClassesAtExit}); the timed runs map it
     * ({@code -XX:SharedArchiveFile}). JDK 17 archives only jar classpaths, so both arms put the runner in a jar.
     */
    static Map<String, Map<String, Result>> runCds(BenchWorld world, List<BenchWorld.Scenario> scenarios, Path root,
                                                   Path work, String endpoint, int runs) throws Exception {
        Path runnerJar = runnerJar(extractRunner(work.resolve("runner")), work.resolve("runner.jar"));
        Path archives = Files.createDirectories(work.resolve("cds"));
        Arm noCds = new Arm("runner jar, no CDS", root, runnerJar, key -> List.of());
        Arm cds = new Arm("runner jar, AppCDS", root, runnerJar,
                key -> List.of("-XX:SharedArchiveFile=" + archives.resolve(key + ".jsa")));
        Arm training = new Arm("training", root, runnerJar,
                key -> List.of("-XX:ArchiveClassesAtExit=" + archives.resolve(key + ".jsa")));
        Map<Arm, Map<String, Result>> measured = measure(world, scenarios, work, endpoint, runs, List.of(noCds, cds), 1,
                training);
        Map<String, Map<String, Result>> out = new LinkedHashMap<>();
        out.put("noCds", measured.get(noCds));
        out.put("cds", measured.get(cds));
        return out;
    }

    private static Map<Arm, Map<String, Result>> measure(BenchWorld world, List<BenchWorld.Scenario> scenarios, Path work, String endpoint, int runs, List<Arm> arms,
                                                         int extraEvents, Arm... before) throws Exception {
        Path eventsDir = Files.createDirectories(work.resolve("events-" + arms.size()));
        Map<String, String> env = lambdaEnvironment(world, endpoint, work);

        // Every event first, so that nothing runs in this JVM while the children start.
        Map<String, List<BenchWorld.Prepared>> prepared = new LinkedHashMap<>();
        Map<String, List<Path>> eventFiles = new LinkedHashMap<>();
        for (BenchWorld.Scenario s : scenarios) {
            List<BenchWorld.Prepared> list = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int r = 0; r < runs * arms.size() + extraEvents; r++) {
                BenchWorld.Prepared p = s.next().get();
                Path file = eventsDir.resolve(s.function().logicalId() + "-" + r + ".json");
                Files.write(file, BenchEvents.bytes(p.event()));
                list.add(p);
                files.add(file);
            }
            prepared.put(s.function().logicalId(), list);
            eventFiles.put(s.function().logicalId(), files);
        }
        // The functions grouped by jar: each jar's floor runs right before and after its functions, so that load which comes
        // and goes (this machine is shared) hits a function and its floor alike.
        Map<String, List<BenchWorld.Scenario>> byJar = new LinkedHashMap<>();
        for (BenchWorld.Scenario s : scenarios) {
            for (Arm arm : arms) {
                Path jar = arm.root().resolve(s.function().codeUri());
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("no deployable jar " + jar + " (build with mvn -B -DskipTests package)");
                }
            }
            byJar.computeIfAbsent(s.function().codeUri(), k -> new ArrayList<>()).add(s);
        }
        String floorPk = Keys.appealPk(world.publicAppeal);

        // Runs before the timed ones (CDS training), on the last prepared event.
        for (Arm arm : before) {
            for (Map.Entry<String, List<BenchWorld.Scenario>> jar : byJar.entrySet()) {
                String key = name(jar.getKey()) + "-floor";
                spawn(child(arm.root().resolve(jar.getKey()), arm.runner(), arm.flags().apply(key), Floor.class.getName(),
                        List.of(floorPk, "A"), env), 200, arm.name() + " floor " + jar.getKey(), true);
                requireFile(arm, key);
                for (BenchWorld.Scenario s : jar.getValue()) {
                    String id = s.function().logicalId();
                    List<Path> files = eventFiles.get(id);
                    spawn(child(arm.root().resolve(jar.getKey()), arm.runner(), arm.flags().apply(id), Runner.class.getName(),
                            List.of(s.function().handlerClass(), files.get(files.size() - 1).toString()), env),
                            s.expected(), arm.name() + " " + id, true);
                    requireFile(arm, id);
                }
            }
        }

        quiet();
        // Paired runs: every cold start of a function has its own floor run right beside it (same jar, same arm),
        // the floor first in even rounds and second in odd ones, so the two see the same load and neither is always
        // the one that runs after the other. The ratio of a function is the median of its paired ratios.
        Map<Arm, Map<String, List<Double>>> floors = new LinkedHashMap<>();
        Map<Arm, Map<String, List<Double>>> times = new LinkedHashMap<>();
        Map<Arm, Map<String, List<Double>>> pairedFloors = new LinkedHashMap<>();
        Map<Arm, Map<String, List<Double>>> providerFloors = new LinkedHashMap<>();
        Map<Arm, Map<String, List<Double>>> cpuTimes = new LinkedHashMap<>();
        Map<Arm, Map<String, List<Double>>> cpuFloors = new LinkedHashMap<>();
        Map<String, Integer> next = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            List<Arm> order = new ArrayList<>(arms);
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            boolean floorFirst = r % 2 == 0;
            for (Map.Entry<String, List<BenchWorld.Scenario>> jar : byJar.entrySet()) {
                for (BenchWorld.Scenario s : jar.getValue()) {
                    String id = s.function().logicalId();
                    boolean provider = s.function().handlerClass().endsWith(".PledgeHandler");
                    for (Arm arm : order) {
                        int e = next.merge(id, 1, Integer::sum) - 1;
                        Spawned floor = null;
                        double providerMs = 0;
                        if (floorFirst) {
                            floor = floorRun(arm, jar.getKey(), floorPk, env, floors);
                        } else if (provider) {
                            providerMs = providerFloorRun(arm, jar.getKey(), floorPk, env);
                        }
                        Spawned c = spawn(child(arm.root().resolve(jar.getKey()), arm.runner(), arm.flags().apply(id), Runner.class.getName(),
                                List.of(s.function().handlerClass(), eventFiles.get(id).get(e).toString()), env),
                                s.expected(), id);
                        if (floorFirst && provider) {
                            providerMs = providerFloorRun(arm, jar.getKey(), floorPk, env);
                        } else if (!floorFirst) {
                            floor = floorRun(arm, jar.getKey(), floorPk, env, floors);
                        }
                        if (!prepared.get(id).get(e).effect().getAsBoolean()) {
                            throw new IllegalStateException(id + " answered " + c.status()
                                    + " on a cold start but its effect is missing");
                        }
                        times.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(c.ms());
                        pairedFloors.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(floor.ms());
                        cpuTimes.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(c.cpuMs());
                        cpuFloors.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(floor.cpuMs());
                        if (provider) {
                            providerFloors.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(id, k -> new ArrayList<>()).add(providerMs);
                        }
                    }
                }
            }
            System.out.printf("  cold start round %d/%d done (load average %s)%n", r + 1, runs, loadAverage());
        }
        Map<Arm, Map<String, Result>> results = new LinkedHashMap<>();
        for (Arm arm : arms) {
            String label = arm.name().isEmpty() ? "" : " [" + arm.name() + "]";
            floors.get(arm).forEach((jar, ms) -> System.out.printf("  floor %-45s median %7.1f ms  runs %s%s%n", jar,
                    BenchStats.median(ms), format(ms), label));
            Map<String, Result> byFunction = new LinkedHashMap<>();
            for (BenchWorld.Scenario s : scenarios) {
                String id = s.function().logicalId();
                Result res = new Result(id, s.function().codeUri(), times.get(arm).get(id), pairedFloors.get(arm).get(id),
                        providerFloors.getOrDefault(arm, Map.of()).getOrDefault(id, List.of()), cpuTimes.get(arm).get(id),
                        cpuFloors.get(arm).get(id));
                byFunction.put(id, res);
                System.out.printf("  cold %-24s median %7.1f ms  floor %7.1f ms  ratio %.2f (IQR %.2f-%.2f, min-max %.2f-%.2f)  cpu ratio %.2f (IQR %.2f-%.2f)  runs %s%s%n",
                        id, res.median(), res.floorMedian(), res.ratio(), res.ratioP25(), res.ratioP75(), res.ratioMin(),
                        res.ratioMax(), res.cpuRatio(), BenchStats.percentile(res.cpuRatios(), 25),
                        BenchStats.percentile(res.cpuRatios(), 75), format(res.runsMs()), label);
                if (!res.providerFloorMs().isEmpty()) {
                    System.out.printf("  cold %-24s provider floor %7.1f ms  ratio to it %.2f (IQR %.2f-%.2f)%s%n", id,
                            res.providerFloorMedian(), res.providerRatio(), BenchStats.percentile(res.providerRatios(), 25),
                            BenchStats.percentile(res.providerRatios(), 75), label);
                }
            }
            results.put(arm, byFunction);
        }
        return results;
    }

    private static Spawned floorRun(Arm arm, String codeUri, String floorPk, Map<String, String> env,
                                    Map<Arm, Map<String, List<Double>>> floors) throws IOException, InterruptedException {
        Spawned f = spawn(child(arm.root().resolve(codeUri), arm.runner(), arm.flags().apply(name(codeUri) + "-floor"),
                Floor.class.getName(), List.of(floorPk, "A"), env), 200, "floor " + codeUri);
        floors.computeIfAbsent(arm, a -> new LinkedHashMap<>()).computeIfAbsent(codeUri, k -> new ArrayList<>()).add(f.ms());
        return f;
    }

    /** The floor plus the bare provider call (a Snap create on the sandbox), on a fresh order id. */
    private static double providerFloorRun(Arm arm, String codeUri, String floorPk, Map<String, String> env)
            throws IOException, InterruptedException {
        Spawned f = spawn(child(arm.root().resolve(codeUri), arm.runner(), arm.flags().apply(name(codeUri) + "-provider-floor"),
                ProviderFloor.class.getName(), List.of(floorPk, "A", "bench-pf-" + BenchEvents.serial()), env), 200,
                "provider floor " + codeUri);
        return f.ms();
    }

    /** Two arms side by side: medians, ratios to each arm's own floor, and the difference of the medians. */
    static String comparison(Map<String, Map<String, Result>> arms) {
        List<String> names = new ArrayList<>(arms.keySet());
        Map<String, Result> a = arms.get(names.get(0));
        Map<String, Result> b = arms.get(names.get(1));
        StringBuilder out = new StringBuilder(String.format("%n  %-24s %24s %24s %10s%n", "function", names.get(0), "other", "difference"));
        for (String id : a.keySet()) {
            Result x = a.get(id);
            Result y = b.get(id);
            out.append(String.format("  %-24s %10.1f ms (%.2f)   %10.1f ms (%.2f)   %+7.1f ms%n", id, x.median(), x.ratio(),
                    y.median(), y.ratio(), x.median() - y.median()));
        }
        out.append("  (other: ").append(names.get(1).substring("against ".length())).append(")\n");
        return out.toString();
    }

    private static void requireFile(Arm arm, String key) {
        List<String> flags = arm.flags().apply(key);
        for (String flag : flags) {
            if (flag.startsWith("-XX:ArchiveClassesAtExit=")) {
                Path archive = Path.of(flag.substring(flag.indexOf('=') + 1));
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalStateException("the training run wrote no archive " + archive);
                }
            }
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The runner classes as a jar (CDS archives only jar classpath entries on JDK 17). */
    private static Path runnerJar(Path runnerDir, Path jar) throws IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(runnerDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    out.putNextEntry(new JarEntry(runnerDir.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static String name(String codeUri) {
        return Path.of(codeUri).getFileName().toString().replace(".jar", "");
    }

    private static String format(List<Double> values) {
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            out.append(out.length() == 0 ? "" : " ").append(Math.round(v));
        }
        return out.toString();
    }

    /** What Lambda puts in a function's environment, and nothing of this machine's own AWS configuration. */
    static Map<String, String> lambdaEnvironment(BenchWorld world, String endpoint, Path work) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("TABLE_NAME", world.table);
        env.put("MIDTRANS_SERVER_KEY", world.midtransKey);
        env.put("XENDIT_CALLBACK_TOKEN", world.xenditToken);
        env.put("NIK_PEPPER", id.peduli.core.Config.require("NIK_PEPPER"));
        env.put("AWS_REGION", System.getProperty("aws.region"));
        env.put("AWS_ACCESS_KEY_ID", System.getProperty("aws.accessKeyId"));
        env.put("AWS_SECRET_ACCESS_KEY", System.getProperty("aws.secretAccessKey"));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint);
        // What the template gives the functions beyond the globals (the pledge's provider URLs and keys, the web
        // origin) and the bucket; the local stack set them all for its own in-process functions, pointing at its
        // payment sandbox and its S3.
        for (String name : List.of("DOCUMENTS_BUCKET", "MIDTRANS_SNAP_URL", "MIDTRANS_API_URL", "XENDIT_SECRET_KEY",
                "XENDIT_API_URL", "WEB_ORIGIN")) {
            env.put(name, id.peduli.core.Config.require(name));
        }
        env.put("AWS_ENDPOINT_URL_S3", System.getProperty("aws.endpointUrlS3"));
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "WHEN_REQUIRED");
        // A Lambda sandbox has no ~/.aws files; point the SDK at none so this machine's cannot change what it does.
        env.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString());
        return env;
    }

    private static Child child(Path jar, Path runnerDir, List<String> flags, String mainClass, List<String> args,
                               Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(flags);
        // For looking inside a cold start, flags for every child, floors included: for example
        // -Dpeduli.bench.jvmFlags=-Xlog:class+load:file=/tmp/cl/%p.log:uptime (BENCHMARKS.md).
        String diagnostic = System.getProperty("peduli.bench.jvmFlags");
        if (diagnostic != null && !diagnostic.isBlank()) {
            command.addAll(List.of(diagnostic.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(jar + File.pathSeparator + runnerDir);
        command.add(mainClass);
        command.addAll(args);
        return new Child(command, env);
    }

    /** Starts the child, times it to its status line, checks the status, waits for it to end. */
    private static Spawned spawn(Child child, int expected, String what) throws IOException, InterruptedException {
        return spawn(child, expected, what, false);
    }

    /** {@code training}: a CDS dump, which warns about the classes it cannot archive (slf4j's pre-Java 6 ones). */
    private static Spawned spawn(Child child, int expected, String what, boolean training)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(child.command()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(child.environment());
        StringBuilder output = new StringBuilder();
        long t0 = System.nanoTime();
        Process process = pb.start();
        long t1 = 0;
        int status = -1;
        double cpu = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (t1 == 0 && line.startsWith("status ")) {
                    t1 = System.nanoTime();
                    status = Integer.parseInt(line.substring(7).trim());
                } else if (t1 != 0 && cpu < 0 && line.startsWith("cpu ")) {
                    cpu = Double.parseDouble(line.substring(4).trim());
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + ": the child did not end");
        }
        if (t1 == 0 || status != expected) {
            throw new IllegalStateException(what + ": cold start answered " + status + " (expected " + expected
                    + "); it does not count. Child output:\n" + tail(output.toString()));
        }
        if (!training && (output.toString().contains("[cds]") || output.toString().contains("[warning]"))) {
            throw new IllegalStateException(what + ": the JVM warned, so the run is not what it claims to be:\n"
                    + tail(output.toString()));
        }
        return new Spawned(BenchStats.ms(t1 - t0), status, output.toString(), cpu);
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    /** Lets this JVM settle (garbage collected, compiler queues drained) before children start. */
    static void quiet() throws InterruptedException {
        System.gc();
        Thread.sleep(1500);
    }

    /**
     * Copies the runner classes (package {@code id.peduli.local.bench}) out of this jar into {@code dir}, so a child's
     * classpath is its function's deployable jar plus these classes and nothing else.
     */
    static Path extractRunner(Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve(RUNNER_PACKAGE));
        Path source;
        try {
            source = Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        int copied = 0;
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(RUNNER_PACKAGE))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.toString().endsWith(".class")) {
                        Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                        copied++;
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry e = entries.nextElement();
                    String name = e.getName();
                    if (name.startsWith(RUNNER_PACKAGE) && name.endsWith(".class") && name.indexOf('/', RUNNER_PACKAGE.length()) < 0) {
                        try (InputStream in = jar.getInputStream(e)) {
                            Files.copy(in, target.resolve(name.substring(RUNNER_PACKAGE.length())), StandardCopyOption.REPLACE_EXISTING);
                            copied++;
                        }
                    }
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("runner classes not found in " + source);
        }
        return dir;
    }
}
