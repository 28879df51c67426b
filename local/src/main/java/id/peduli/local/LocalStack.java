package id.peduli.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole product on one machine: DynamoDB Local with the template's table, the functions, and the gateway in
 * front of them. Functions are configured exactly as Lambda would configure them, through the variables they read.
 */
public final class LocalStack implements AutoCloseable {
    /** Development values, used only where the environment sets none. Never use them anywhere real. */
    static final Map<String, String> DEVELOPMENT_SECRETS = Map.of(
            "MIDTRANS_SERVER_KEY", "SB-Mid-server-peduli-local-development",
            "XENDIT_CALLBACK_TOKEN", "xnd-callback-peduli-local-development",
            "NIK_PEPPER", "peduli-local-development-pepper-0123456789");
    static final String REGION = "ap-southeast-3";

    private final List<AutoCloseable> parts;
    private final LocalDynamoDb dynamo;
    private final ApiGateway gateway;
    private final LocalIssuer issuer;
    private final Functions functions;
    private final Path dataDir;
    private final String tableName;
    private final Map<String, String> configuration;

    private LocalStack(List<AutoCloseable> parts, LocalDynamoDb dynamo, ApiGateway gateway, LocalIssuer issuer,
                       Functions functions, Path dataDir, String tableName, Map<String, String> configuration) {
        this.parts = parts;
        this.dynamo = dynamo;
        this.issuer = issuer;
        this.gateway = gateway;
        this.functions = functions;
        this.dataDir = dataDir;
        this.tableName = tableName;
        this.configuration = configuration;
    }

    /** Options: the template, where data lives (null: in memory), the port (0: any free one), whether to serve HTTP. */
    public record Options(Path template, Path dataDir, int port, boolean serve) {}

    /**
     * Starts every part, or none: what started before a part failed is stopped again, so a failed start leaves no
     * thread running and no data directory locked.
     * @throws DataDirLock.InUse when another stack has the data directory
     * @throws java.net.BindException when the port is taken
     */
    public static LocalStack start(Options options) throws Exception {
        Template template = Template.load(options.template());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (options.dataDir() != null) {
                started.add(DataDirLock.acquire(options.dataDir()));
            }
            Functions functions = new Functions(template.functions());
            LocalIssuer issuer = LocalIssuer.open(options.dataDir());
            ApiGateway gateway = null;
            if (options.serve()) {
                // bound first: a taken port fails the start before anything else has run or been configured
                gateway = new ApiGateway(functions, issuer, template.cors(), LocalDynamoDb.HOST, options.port());
                started.add(gateway);
            }
            LocalDynamoDb dynamo = LocalDynamoDb.start(options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"));
            started.add(dynamo);
            String tableName = template.table().getKey();
            Map<String, String> configuration = configure(dynamo.endpoint(), tableName);
            try (DynamoDbClient admin = id.peduli.core.store.dynamodb.Dynamo.newClient()) {
                TableFromTemplate.ensure(admin, template.table().getValue(), tableName);
            }
            if (gateway != null) {
                gateway.start();
            }
            return new LocalStack(started, dynamo, gateway, issuer, functions, options.dataDir(), tableName, configuration);
        } catch (Exception | Error e) {
            closeAll(started);
            throw e;
        }
    }

    /** Closes in the reverse order of starting; a failure to close one part does not keep the others open. */
    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + parts.get(i).getClass().getSimpleName() + " failed: " + e.getClass().getName());
            }
        }
    }

    /** Sets what Lambda would set for each function; returns what it set, for the start-up banner. */
    private static Map<String, String> configure(String endpoint, String tableName) {
        Map<String, String> shown = new LinkedHashMap<>();
        setIfAbsent("TABLE_NAME", tableName, shown);
        DEVELOPMENT_SECRETS.forEach((name, value) -> setIfAbsent(name, value, shown));
        System.setProperty("aws.region", System.getenv().getOrDefault("AWS_REGION", REGION));
        System.setProperty("aws.endpointUrlDynamoDb", endpoint);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        return shown;
    }

    private static void setIfAbsent(String name, String value, Map<String, String> shown) {
        String fromEnv = System.getenv(name);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            shown.put(name, "(from the environment)");
        } else {
            System.setProperty(name, value);
            shown.put(name, value);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public String tableName() {
        return tableName;
    }

    LocalIssuer issuer() {
        return issuer;
    }

    Functions functions() {
        return functions;
    }

    String banner() {
        StringBuilder out = new StringBuilder();
        out.append("Peduli local stack\n");
        if (gateway != null) {
            out.append("  API:        ").append(baseUrl()).append('\n');
        }
        out.append("  data:       ").append(dataDir == null ? "in memory (gone when stopped)" : dataDir.toAbsolutePath()).append('\n');
        out.append("  DynamoDB:   ").append(dynamo.endpoint()).append(" table ").append(tableName).append('\n');
        out.append("  development configuration (set the variables to override):\n");
        configuration.forEach((k, v) -> out.append("    ").append(k).append('=').append(v).append('\n'));
        out.append("  officer tokens: POST /_local/token {\"sub\":\"siska\",\"groups\":[\"officer:64.74\"]}\n");
        return out.toString();
    }

    @Override
    public void close() {
        closeAll(parts);
    }
}
