package id.peduli.local;

import id.peduli.local.embedded.DataDirLock;
import id.peduli.local.tools.LedgerVerifier;
import id.peduli.local.tools.SampleStory;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The local stack's command line. Exit codes: 0 done, 1 a check failed or the stack could not start, 2 the command
 * line was wrong. Errors are one line, never a stack trace.
 */
@Command(name = "java -jar local/target/peduli-local.jar", mixinStandardHelpOptions = true,
        version = "Peduli local stack 1.0.0-SNAPSHOT",
        description = "Runs Peduli on this machine: DynamoDB Local, the functions and the HTTP API on loopback.%n"
                + "Without a command it serves (as 'serve' does).",
        subcommands = {Main.Serve.class, Main.Invoke.class, Main.Reconcile.class, Main.VerifyLedger.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class Main implements Callable<Integer> {
    @Mixin
    StackOptions stack = new StackOptions();

    public static void main(String[] argv) {
        System.exit(commandLine().execute(argv));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setParameterExceptionHandler((e, args) -> {
                    e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("error: " + oneLine(e));
                    return 1;
                });
    }

    /** What went wrong, in one line a person can act on. */
    static String oneLine(Throwable e) {
        if (e instanceof DataDirLock.InUse || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof java.net.ConnectException) {
            return "cannot connect; is the local stack running at that address?";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public Integer call() throws Exception {
        return serve(stack);
    }

    /** Where the stack keeps its data and which template it plays. */
    static final class StackOptions {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "where data persists (default: ${DEFAULT-VALUE})")
        Path dataDir = Path.of(".peduli", "data");

        @Option(names = "--in-memory", description = "keep nothing: DynamoDB Local in memory, gone when stopped")
        boolean inMemory;

        @Option(names = "--template", paramLabel = "FILE", description = "the SAM template (default: template.yaml here or above)")
        Path template;

        @Option(names = "--port", paramLabel = "N", description = "the API's port (default: PORT or 3000)")
        Integer port;

        LocalStack.Options options(boolean serve) {
            Path templateFile = template != null ? template : findTemplate();
            if (!Files.isRegularFile(templateFile)) {
                throw new IllegalArgumentException("no template at " + templateFile);
            }
            // one-off commands take any free port, so they run beside a serving stack
            return new LocalStack.Options(templateFile, inMemory ? null : dataDir, serve ? port() : 0, serve);
        }

        int port() {
            if (port != null) {
                return port;
            }
            String env = System.getenv("PORT");
            if (env == null || env.isBlank()) {
                return 3000;
            }
            try {
                return Integer.parseInt(env.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PORT must be a number, not '" + env + "'");
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the whole local stack and serve the API.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        StackOptions stack = new StackOptions();

        @Override
        public Integer call() throws Exception {
            return serve(stack);
        }
    }

    @Command(name = "invoke", mixinStandardHelpOptions = true,
            description = "Run one function on one event file, as 'sam local invoke' would, and print its answer.")
    static final class Invoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FUNCTION", description = "the function's logical id in the template")
        String function;

        @Parameters(index = "1", paramLabel = "EVENT", description = "the event file (see events/README.md)")
        Path event;

        @Option(names = "--seed", description = "first write the appeal the sample events tell about, unless it is "
                + "there (so events/ can be replayed in order; see events/README.md)")
        boolean seed;

        @Mixin
        StackOptions stack = new StackOptions();

        @Override
        public Integer call() throws Exception {
            JsonNode json = Json.mapper().readTree(event.toFile());
            try (LocalStack local = LocalStack.start(stack.options(false))) {
                if (seed) {
                    SampleStory.seed(event.toAbsolutePath().getParent());
                }
                JsonNode answer = local.functions().invoke(function, json, UUID.randomUUID().toString());
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            }
            return 0;
        }
    }

    @Command(name = "verify-ledger", mixinStandardHelpOptions = true,
            description = "Recompute an appeal's public ledger through the public API: every hash, link, sequence "
                    + "number and total. Exit 0 when it verifies, 1 when it does not.")
    static final class VerifyLedger implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "API", description = "the API's base URL, e.g. http://127.0.0.1:3000")
        String base;

        @Parameters(index = "1", paramLabel = "APPEAL", description = "the appeal's id")
        String appealId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return LedgerVerifier.verify(base, appealId, spec.commandLine().getOut()).isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Run payment reconciliation once, now, on the running local stack (POST /_local/reconcile), "
                    + "and print what it changed.")
    static final class Reconcile implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", description = "the running stack's port (default: PORT or 3000)")
        Integer port;

        @Option(names = "--as-of", paramLabel = "INSTANT", description = "run as if the clock read this RFC 3339 instant")
        String asOf;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            StackOptions options = new StackOptions();
            options.port = port;
            String body = asOf == null ? "{}" : Json.write(Json.object().put("asOf", asOf));
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + options.port()
                                    + "/_local/reconcile"))
                            .header("content-type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                spec.commandLine().getErr().println("error: reconciliation answered " + answer.statusCode() + ": " + answer.body());
                return 1;
            }
            spec.commandLine().getOut().println(answer.body());
            return 0;
        }
    }


    /** template.yaml in the working directory or one of its parents (so it works from the project or a module). */
    public static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found here or above; run from the project, or pass --template FILE");
    }

    private static int serve(StackOptions options) throws Exception {
        long started = System.nanoTime();
        LocalStack.Options chosen = options.options(true);
        LocalStack stack;
        try {
            stack = LocalStack.start(chosen);
        } catch (BindException e) {
            throw new IllegalStateException("port " + chosen.port() + " on 127.0.0.1 is already in use; choose another"
                    + " with --port N (or PORT=N)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
                System.out.println("Peduli local stack stopped.");
            } finally {
                stopped.countDown();
            }
        }));
        System.out.print(stack.banner());
        System.out.printf("  started in %d ms; Ctrl-C stops it.%n", (System.nanoTime() - started) / 1_000_000);
        stopped.await();
        return 0;
    }
}
