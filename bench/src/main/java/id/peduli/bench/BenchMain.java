package id.peduli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bench/target/peduli-bench.jar [--quick]}: the benchmark (BENCHMARKS.md). It starts its own local
 * stack in memory on free loopback ports, measures, prints a table and writes {@code target/bench/results.json} and
 * {@code results.txt} beside the template. Exit codes: 0 done, 1 a measurement could not be made, 2 the command line
 * was wrong.
 */
@Command(name = "java -jar bench/target/peduli-bench.jar", mixinStandardHelpOptions = true,
        version = "Peduli bench 1.0.0-SNAPSHOT",
        description = "Cold starts, warm latency, settle throughput, ledger scaling, cost and Lighthouse scores of "
                + "Peduli, against its own in-memory local stack (see BENCHMARKS.md).",
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--quick", description = "fewer warm samples, a 20,000-entry long ledger, 40 paired cold starts per function")
    boolean quick;

    @Option(names = "--runs", paramLabel = "N", description = "paired cold starts per function (default: 40 with --quick, 60 without; at least 5)")
    Integer runs;

    @Option(names = "--cds", description = "also measure cold starts with application class-data sharing")
    boolean cds;

    @Option(names = "--cold-only", description = "only the cold starts, after a short warm-up; no results files")
    boolean coldOnly;

    @Option(names = "--against", paramLabel = "DIR", description = "time this build's cold starts against another built checkout's, in the same rounds")
    Path against;

    @Option(names = "--template", paramLabel = "FILE", description = "the SAM template (default: template.yaml here or above)")
    Path template;

    @Option(names = "--no-lighthouse", description = "leave out the Lighthouse scores")
    boolean noLighthouse;

    public static void main(String[] argv) {
        System.exit(commandLine().execute(argv));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchMain())
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + e);
                    e.printStackTrace(cmd.getErr());
                    return 1;
                });
    }

    /** The options as the bench uses them. */
    record Options(boolean quick, int runs, boolean cds, boolean coldOnly, Path against, Path template, boolean lighthouse) {}

    /**
     * Paired cold starts per function when --runs is not given. A bootstrap of earlier runs put the standard error of a
     * 20-pair median at up to 0.04 on an idle 2-core machine; 40 pairs are what two quick runs need to agree within 0.05.
     */
    static final int QUICK_RUNS = 40;
    static final int FULL_RUNS = 60;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Options options() {
        int n = runs == null ? (quick ? QUICK_RUNS : FULL_RUNS) : runs;
        if (n < 5) {
            throw new IllegalArgumentException("--runs must be at least 5 (the median of fewer cold starts says too little)");
        }
        return new Options(quick, n, cds, coldOnly, against == null ? null : against.toAbsolutePath(), template,
                !noLighthouse);
    }

    @Override
    public Integer call() throws Exception {
        Options options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
            return 2;
        }
        return Bench.run(options);
    }
}
