package id.peduli.local;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/peduli-local.jar [serve] [--port N] [--data-dir DIR] [--in-memory] [--template F]}
 * <br>{@code ... invoke <FunctionLogicalId> <event.json> [--in-memory] [--data-dir DIR]}
 * <br>{@code ... verify-ledger <api-base-url> <appealId>}
 * <br>{@code ... bench [--quick] [--cds] [--cold-only] [--against DIR] [--runs N]}
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) throws Exception {
        List<String> args = new ArrayList<>(List.of(argv));
        String command = args.isEmpty() || args.get(0).startsWith("--") ? "serve" : args.remove(0);
        switch (command) {
            case "serve" -> serve(args);
            case "invoke" -> System.exit(invoke(args));
            case "verify-ledger" -> System.exit(LedgerVerifier.run(args));
            case "bench" -> System.exit(Bench.run(args));
            case "help", "-h", "--help" -> usage();
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar local/target/peduli-local.jar [serve] [--port N] [--data-dir DIR] [--in-memory] [--template FILE]
                       java -jar local/target/peduli-local.jar invoke <FunctionLogicalId> <event.json> [--data-dir DIR] [--in-memory]
                       java -jar local/target/peduli-local.jar verify-ledger <api-base-url> <appealId>
                       java -jar local/target/peduli-local.jar bench [--quick] [--cds] [--cold-only] [--against DIR] [--runs N]""");
    }

    static LocalStack.Options options(List<String> args, boolean serve) {
        String env = System.getenv("PORT");
        int port = env == null || env.isBlank() ? 3000 : Integer.parseInt(env.trim());
        Path dataDir = Path.of(".peduli", "data");
        Path template = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--port" -> port = Integer.parseInt(args.get(++i));
                case "--data-dir" -> dataDir = Path.of(args.get(++i));
                case "--in-memory" -> dataDir = null;
                case "--template" -> template = Path.of(args.get(++i));
                default -> throw new IllegalArgumentException("unknown option " + args.get(i));
            }
        }
        return new LocalStack.Options(template != null ? template : findTemplate(), dataDir, port, serve);
    }

    /** template.yaml in the working directory or one of its parents (so it works from the project or a module). */
    static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found here or above; pass --template FILE");
    }

    private static void serve(List<String> args) throws Exception {
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(options(args, true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stack.close();
                System.out.println("Peduli local stack stopped.");
            } catch (Exception e) {
                System.err.println("stopping failed: " + e.getClass().getName());
            } finally {
                stopped.countDown();
            }
        }));
        System.out.print(stack.banner());
        System.out.printf("  started in %d ms; Ctrl-C stops it.%n", (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }

    private static int invoke(List<String> args) throws Exception {
        if (args.size() < 2) {
            usage();
            return 2;
        }
        String function = args.remove(0);
        JsonNode event = Json.mapper().readTree(Path.of(args.remove(0)).toFile());
        try (LocalStack stack = LocalStack.start(options(args, false))) {
            JsonNode answer = stack.functions().invoke(function, event, UUID.randomUUID().toString());
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        }
        return 0;
    }
}
