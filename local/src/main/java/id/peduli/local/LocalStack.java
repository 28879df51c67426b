package id.peduli.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole product on one machine: DynamoDB Local with the template's table, S3 (s3proxy) with the template's
 * bucket, the functions, and the gateway in front of them. Functions are configured exactly as Lambda would configure
 * them, through the variables they read.
 */
public final class LocalStack implements AutoCloseable {
    /** Development values, used only where the environment sets none. Never use them anywhere real. */
    static final Map<String, String> DEVELOPMENT_SECRETS = Map.of(
            "MIDTRANS_SERVER_KEY", "SB-Mid-server-peduli-local-development",
            "XENDIT_CALLBACK_TOKEN", "xnd-callback-peduli-local-development",
            "NIK_PEPPER", "peduli-local-development-pepper-0123456789");
    static final String REGION = "ap-southeast-3";
    /** The access key and secret of the local account; S3 checks request signatures under them. */
    static final String CREDENTIAL = "local";

    private final LocalDynamoDb dynamo;
    private final LocalS3 s3;
    private final LocalIssuer issuer;
    private final ApiGateway gateway;
    private final Functions functions;
    private final Path dataDir;
    private final String tableName;
    private final Map<String, String> configuration;

    private LocalStack(LocalDynamoDb dynamo, LocalS3 s3, LocalIssuer issuer, ApiGateway gateway, Functions functions,
                       Path dataDir, String tableName, Map<String, String> configuration) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.issuer = issuer;
        this.gateway = gateway;
        this.functions = functions;
        this.dataDir = dataDir;
        this.tableName = tableName;
        this.configuration = configuration;
    }

    /** Options: the template, where data lives (null: in memory), the port (0: any free one), whether to serve HTTP. */
    public record Options(Path template, Path dataDir, int port, boolean serve) {}

    public static LocalStack start(Options options) throws Exception {
        Template template = Template.load(options.template());
        // The bucket's local name: the template's logical id in the lower-case, hyphenated form bucket names take.
        String bucket = template.bucket().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        // S3 starts (jclouds, Jetty) while DynamoDB Local does: the two take about as long, and neither needs the other.
        CompletableFuture<LocalS3> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalS3.start(options.dataDir() == null ? null : options.dataDir().resolve("s3"),
                        bucketName(bucket), CREDENTIAL, CREDENTIAL);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        // In-memory runs share one native-library folder in the temp directory instead of leaving one behind each.
        Path natives = options.dataDir() != null ? options.dataDir().resolve("native")
                : Path.of(System.getProperty("java.io.tmpdir"), "peduli-local-native");
        LocalDynamoDb dynamo;
        try {
            dynamo = LocalDynamoDb.start(options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"), natives);
        } catch (Exception e) {
            starting.thenAccept(LocalS3::closeQuietly);
            throw e;
        }
        String tableName = template.table().getKey();
        LocalS3 s3 = starting.join();
        Map<String, String> configuration = configure(dynamo.endpoint(), tableName, s3.endpoint(), bucket);
        try (DynamoDbClient admin = id.peduli.core.store.dynamodb.Dynamo.newClient()) {
            TableFromTemplate.ensure(admin, template.table().getValue(), tableName);
        }
        Functions functions = new Functions(template.functions());
        Template.Cors cors = template.cors();
        LocalIssuer issuer = LocalIssuer.open(options.dataDir());
        ApiGateway gateway = options.serve() ? new ApiGateway(functions, issuer, cors, "127.0.0.1", options.port()) : null;
        return new LocalStack(dynamo, s3, issuer, gateway, functions, options.dataDir(), tableName, configuration);
    }

    /** The bucket the functions use: {@code DOCUMENTS_BUCKET} when the environment sets it, else the template's. */
    private static String bucketName(String fromTemplate) {
        String fromEnv = System.getenv("DOCUMENTS_BUCKET");
        return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : fromTemplate;
    }

    /** Sets what Lambda would set for each function; returns what it set, for the start-up banner. */
    private static Map<String, String> configure(String endpoint, String tableName, String s3Endpoint, String bucket) {
        Map<String, String> shown = new LinkedHashMap<>();
        setIfAbsent("TABLE_NAME", tableName, shown);
        setIfAbsent("DOCUMENTS_BUCKET", bucket, shown);
        DEVELOPMENT_SECRETS.forEach((name, value) -> setIfAbsent(name, value, shown));
        System.setProperty("aws.region", System.getenv().getOrDefault("AWS_REGION", REGION));
        System.setProperty("aws.endpointUrlDynamoDb", endpoint);
        // SdkSystemSetting.AWS_ENDPOINT_URL_S3; an IP endpoint is addressed path-style by the SDK's S3 endpoint rules
        System.setProperty("aws.endpointUrlS3", s3Endpoint);
        // s3proxy does not take the SDK's default flexible checksums (aws-chunked uploads with a trailing CRC, and
        // x-amz-checksum-mode on reads): the SDK's own settings ask for checksums only where S3 requires them.
        System.setProperty("aws.requestChecksumCalculation", "WHEN_REQUIRED");
        System.setProperty("aws.responseChecksumValidation", "WHEN_REQUIRED");
        System.setProperty("aws.accessKeyId", CREDENTIAL);
        System.setProperty("aws.secretAccessKey", CREDENTIAL);
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
        out.append("  S3:         ").append(s3.endpoint()).append(" bucket ").append(System.getProperty("DOCUMENTS_BUCKET",
                System.getenv("DOCUMENTS_BUCKET"))).append('\n');
        out.append("  development configuration (set the variables to override):\n");
        configuration.forEach((k, v) -> out.append("    ").append(k).append('=').append(v).append('\n'));
        out.append("  officer tokens: POST /_local/token {\"sub\":\"siska\",\"groups\":[\"officer:64.74\"]}\n");
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        s3.close();
        dynamo.close();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }
}
