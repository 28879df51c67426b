package id.peduli.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend on each other without cycles, read from the compiled classes by the JDK's own
 * {@code jdeps} (so every reference counts, not just imports): domain at the bottom, the ports above it, the adapters
 * and HTTP above those, the composition root ({@code wiring}) on top.
 */
class PackageCyclesTest {
    private static final String CORE = "id.peduli.core";

    @Test
    void corePackages_haveNoCycles() {
        Map<String, Set<String>> graph = dependencies();

        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String from : new TreeSet<>(graph.keySet())) {
            findCycles(graph, from, new ArrayList<>(), done, cycles);
        }

        assertThat(graph).as("jdeps read the core's classes").containsKeys(CORE + ".domain", CORE + ".http");
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void theDomain_dependsOnNoOtherPackageOfTheCore() {
        assertThat(dependencies().getOrDefault(CORE + ".domain", Set.of())).isEmpty();
    }

    private static void findCycles(Map<String, Set<String>> graph, String at, List<String> path, Set<String> done,
                                   List<List<String>> cycles) {
        int seen = path.indexOf(at);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(at);
            cycles.add(cycle);
            return;
        }
        if (done.contains(at)) {
            return;
        }
        path.add(at);
        for (String next : graph.getOrDefault(at, Set.of())) {
            findCycles(graph, next, path, done, cycles);
        }
        path.remove(path.size() - 1);
        done.add(at);
    }

    /** Package to the other core packages it uses, from {@code jdeps -verbose:package} over target/classes. */
    private static Map<String, Set<String>> dependencies() {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled classes at " + classes.toAbsolutePath()).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                "-include", "id\\.peduli\\.core.*", classes.toString());
        assertThat(exit).as(out.toString()).isZero();
        Map<String, Set<String>> graph = new HashMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith(CORE) && parts[2].startsWith(CORE)
                    && !parts[0].equals(parts[2])) {
                graph.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[2]);
            } else if (parts.length >= 1 && parts[0].startsWith(CORE)) {
                graph.computeIfAbsent(parts[0], k -> new TreeSet<>());
            }
        }
        return graph;
    }
}
