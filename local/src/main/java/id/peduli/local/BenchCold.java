package id.peduli.local;

import id.peduli.local.bench.Floor;
import id.peduli.local.bench.Runner;
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
 * interleaved (every floor and every function once per round) so load that comes and goes hits all of them alike.
 */
final class BenchCold {
    private BenchCold() {}

    record Result(String function, String jar, List<Double> runsMs, List<Double> floorMs) {
        double median() {
            return BenchStats.median(runsMs);
        }

        double floorMedian() {
            return BenchStats.median(floorMs);
        }

        double ratio() {
            return median() / floorMedian();
        }
    }

    /** How a child JVM is started: the flags before {@code -cp}, per jar or function archive (CDS). */
    record Mode(String name, boolean cds) {}

    static final String RUNNER_PACKAGE = "id/peduli/local/bench/";

    private static final class Child {
        final List<String> command;
        final Map<String, String> environment;

        Child(List<String> command, Map<String, String> environment) {
            this.command = command;
            this.environment = environment;
        }
    }

    record Spawned(double ms, int status, String output) {}

    static Map<String, Result> run(BenchWorld world, List<BenchWorld.Scenario> scenarios, Path root, Path work,
                                   String endpoint, int runs, boolean cds) throws Exception {
        Path runnerDir = extractRunner(work.resolve("runner"));
        Path eventsDir = Files.createDirectories(work.resolve("events"));
        Path cdsDir = Files.createDirectories(work.resolve("cds"));
        Map<String, String> env = lambdaEnvironment(world, endpoint, work);

        // Every event first, so that nothing runs in this JVM while the children start.
        int extra = cds ? 1 : 0;
        Map<String, List<BenchWorld.Prepared>> prepared = new LinkedHashMap<>();
        Map<String, List<Path>> eventFiles = new LinkedHashMap<>();
        for (BenchWorld.Scenario s : scenarios) {
            List<BenchWorld.Prepared> list = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int r = 0; r < runs + extra; r++) {
                BenchWorld.Prepared p = s.next().get();
                Path file = eventsDir.resolve(s.function().logicalId() + "-" + r + ".json");
                Files.write(file, BenchEvents.bytes(p.event()));
                list.add(p);
                files.add(file);
            }
            prepared.put(s.function().logicalId(), list);
            eventFiles.put(s.function().logicalId(), files);
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        for (BenchWorld.Scenario s : scenarios) {
            Path jar = root.resolve(s.function().codeUri());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no deployable jar " + jar + " (build with mvn -B -o -DskipTests package)");
            }
            jars.putIfAbsent(s.function().codeUri(), jar);
        }
        String floorPk = "APPEAL#" + world.publicAppeal;

        // With CDS: one training run each, which writes the archive at exit (-XX:ArchiveClassesAtExit), then every
        // timed run maps it (-XX:SharedArchiveFile).
        if (cds) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path archive = cdsDir.resolve(name(jar.getKey()) + "-floor.jsa");
                spawn(child(jar.getValue(), runnerDir, List.of("-XX:ArchiveClassesAtExit=" + archive),
                        Floor.class.getName(), List.of(floorPk, "A"), env), 200, "floor training " + jar.getKey());
            }
            for (BenchWorld.Scenario s : scenarios) {
                String id = s.function().logicalId();
                Path archive = cdsDir.resolve(id + ".jsa");
                spawn(child(root.resolve(s.function().codeUri()), runnerDir, List.of("-XX:ArchiveClassesAtExit=" + archive),
                        Runner.class.getName(), List.of(s.function().handlerClass(), eventFiles.get(id).get(runs).toString()), env),
                        s.expected(), id + " training");
            }
        }

        quiet();
        Map<String, List<Double>> floors = new LinkedHashMap<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                List<String> flags = cds ? List.of("-XX:SharedArchiveFile=" + cdsDir.resolve(name(jar.getKey()) + "-floor.jsa"))
                        : List.of();
                Spawned f = spawn(child(jar.getValue(), runnerDir, flags, Floor.class.getName(), List.of(floorPk, "A"), env),
                        200, "floor " + jar.getKey());
                floors.computeIfAbsent(jar.getKey(), k -> new ArrayList<>()).add(f.ms());
            }
            for (BenchWorld.Scenario s : scenarios) {
                String id = s.function().logicalId();
                List<String> flags = cds ? List.of("-XX:SharedArchiveFile=" + cdsDir.resolve(id + ".jsa")) : List.of();
                Spawned c = spawn(child(root.resolve(s.function().codeUri()), runnerDir, flags, Runner.class.getName(),
                        List.of(s.function().handlerClass(), eventFiles.get(id).get(r).toString()), env), s.expected(), id);
                if (!prepared.get(id).get(r).effect().getAsBoolean()) {
                    throw new IllegalStateException(id + " answered " + c.status() + " on a cold start but its effect is missing");
                }
                times.computeIfAbsent(id, k -> new ArrayList<>()).add(c.ms());
            }
            System.out.printf("  cold start round %d/%d done%n", r + 1, runs);
        }
        floors.forEach((jar, ms) -> System.out.printf("  floor %-45s%s median %7.1f ms  runs %s%n", jar, cds ? " (CDS)" : "",
                BenchStats.median(ms), format(ms)));
        Map<String, Result> results = new LinkedHashMap<>();
        for (BenchWorld.Scenario s : scenarios) {
            String id = s.function().logicalId();
            Result res = new Result(id, s.function().codeUri(), times.get(id), floors.get(s.function().codeUri()));
            results.put(id, res);
            System.out.printf("  cold %-24s%s median %7.1f ms  floor %7.1f ms  ratio %.2f  runs %s%n", id, cds ? " (CDS)" : "",
                    res.median(), res.floorMedian(), res.ratio(), format(res.runsMs()));
        }
        return results;
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
        command.add("-cp");
        command.add(jar + File.pathSeparator + runnerDir);
        command.add(mainClass);
        command.addAll(args);
        return new Child(command, env);
    }

    /** Starts the child, times it to its status line, checks the status, waits for it to end. */
    private static Spawned spawn(Child child, int expected, String what) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(child.command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(child.environment);
        StringBuilder output = new StringBuilder();
        long t0 = System.nanoTime();
        Process process = pb.start();
        long t1 = 0;
        int status = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (t1 == 0 && line.startsWith("status ")) {
                    t1 = System.nanoTime();
                    status = Integer.parseInt(line.substring(7).trim());
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
        if (output.toString().contains("[cds]") || output.toString().contains("CDS")) {
            System.out.println("  note (" + what + "): " + tail(output.toString()).trim());
        }
        return new Spawned(BenchStats.ms(t1 - t0), status, output.toString());
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
