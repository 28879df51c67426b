package id.peduli.local;

import id.peduli.local.auth.LocalIssuer;
import id.peduli.local.embedded.DataDirLock;
import id.peduli.local.embedded.LocalDynamoDb;
import id.peduli.local.embedded.LocalS3;
import id.peduli.local.gateway.ApiGateway;
import id.peduli.local.gateway.Functions;
import id.peduli.local.gateway.LocalReconcileRoute;
import id.peduli.local.template.TableFromTemplate;
import id.peduli.local.template.Template;
import id.peduli.local.web.StaticSite;
import id.peduli.core.Config;
import id.peduli.local.sandbox.PaymentSandbox;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole product on one machine: DynamoDB Local with the template's table, S3 (s3proxy) with the template's
 * bucket, the functions, the gateway in front of them, the payment sandbox the functions reach through their configured provider URLs, and (when asked) the
 * scheduler that runs scheduled functions on the template's rates. Functions are configured exactly as Lambda
 * would configure them, through the variables they read; a variable set in the environment wins.
 */
public final class LocalStack implements AutoCloseable {
    /** Development values, used only where the environment sets none. Never use them anywhere real. */
    public static final Map<String, String> DEVELOPMENT_SECRETS = Map.of(
            "MIDTRANS_SERVER_KEY", "SB-Mid-server-peduli-local-development",
            "XENDIT_SECRET_KEY", "xnd_development_peduli_local_secret",
            "XENDIT_CALLBACK_TOKEN", "xnd-callback-peduli-local-development",
            "NIK_PEPPER", "peduli-local-development-pepper-0123456789");
    /** The access key and secret of the local account; S3 checks request signatures under them. */
    static final String CREDENTIAL = "local";

    private final List<AutoCloseable> parts;
    private final LocalDynamoDb dynamo;
    private final LocalS3 s3;
    private final ApiGateway gateway;
    private final LocalIssuer issuer;
    private final Functions functions;
    private final PaymentSandbox sandbox;
    private final Path dataDir;
    private final String tableName;
    private final Map<String, String> configuration;

    private LocalStack(List<AutoCloseable> parts, LocalDynamoDb dynamo, LocalS3 s3, ApiGateway gateway,
                       LocalIssuer issuer, Functions functions, PaymentSandbox sandbox, Path dataDir, String tableName,
                       Map<String, String> configuration) {
        this.parts = parts;
        this.dynamo = dynamo;
        this.s3 = s3;
        this.gateway = gateway;
        this.issuer = issuer;
        this.functions = functions;
        this.sandbox = sandbox;
        this.dataDir = dataDir;
        this.tableName = tableName;
        this.configuration = configuration;
    }

    /**
     * Options: the template, where data lives (null: in memory), the API's port (0: any free one), and whether
     * scheduled functions run on their schedules.
     */
    public record Options(Path template, Path dataDir, int port, boolean schedules) {}

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
            // bound first: a taken port fails the start before anything else has run or been configured
            ApiGateway gateway = new ApiGateway(functions, issuer, template.cors(),
                    StaticSite.at(StaticSite.locate(options.template())), LocalDynamoDb.HOST, options.port());
            started.add(gateway);
            String base = "http://" + LocalDynamoDb.HOST + ":" + gateway.port();
            // The bucket's local name: the template's logical id in the lower-case, hyphenated form bucket names take.
            String bucket = bucketName(template.bucket().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
            // S3 (jclouds, Jetty) starts while DynamoDB Local does: they take about as long, and neither needs the other.
            CompletableFuture<LocalS3> s3Starting = CompletableFuture.supplyAsync(() -> {
                try {
                    return LocalS3.start(options.dataDir() == null ? null : options.dataDir().resolve("s3"), bucket,
                            CREDENTIAL, CREDENTIAL);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            LocalDynamoDb dynamo;
            try {
                dynamo = LocalDynamoDb.start(options.dataDir() == null ? null : options.dataDir().resolve("dynamodb"));
            } catch (Exception e) {
                s3Starting.thenAccept(LocalS3::closeQuietly);
                throw e;
            }
            started.add(dynamo);
            LocalS3 s3;
            try {
                s3 = s3Starting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            started.add(s3);
            String tableName = template.table().getKey();
            Map<String, String> configuration = configure(dynamo.endpoint(), tableName, base, s3.endpoint(), bucket);
            try (DynamoDbClient admin = id.peduli.core.store.dynamodb.Dynamo.newClient()) {
                TableFromTemplate.ensure(admin, template.table().getValue(), tableName);
            }
            PaymentSandbox sandbox = new PaymentSandbox(PaymentSandbox.Config.of(base,
                    Config.require("MIDTRANS_SERVER_KEY"), Config.require("XENDIT_SECRET_KEY"),
                    Config.require("XENDIT_CALLBACK_TOKEN"), HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build()));
            started.add(sandbox);
            gateway.start(sandbox);
            if (options.schedules()) {
                started.add(schedule(functions));
            }
            return new LocalStack(started, dynamo, s3, gateway, issuer, functions, sandbox, options.dataDir(), tableName,
                    configuration);
        } catch (Exception | Error e) {
            closeAll(started);
            throw e;
        }
    }

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    /**
     * Runs each scheduled function on its template rate, as EventBridge would: the event it delivers, the function
     * invoked in this process. Only {@code rate(...)} expressions are played.
     */
    private static AutoCloseable schedule(Functions functions) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-scheduler");
            t.setDaemon(true);
            return t;
        });
        for (Template.Function f : functions.all()) {
            for (String expression : f.schedules()) {
                Matcher m = RATE.matcher(expression);
                if (!m.matches()) {
                    System.err.println("scheduler: " + f.logicalId() + " has " + expression + ", which the local stack does not play");
                    continue;
                }
                long minutes = Long.parseLong(m.group(1)) * (m.group(2).startsWith("hour") ? 60 : m.group(2).startsWith("day") ? 1440 : 1);
                scheduler.scheduleAtFixedRate(() -> {
                    try {
                        functions.invoke(f.logicalId(), LocalReconcileRoute.scheduledEvent(Instant.now()), UUID.randomUUID().toString());
                    } catch (Exception e) {
                        System.err.println("scheduler: " + f.logicalId() + " failed: " + e.getClass().getName());
                    }
                }, minutes, minutes, TimeUnit.MINUTES);
            }
        }
        return scheduler::shutdownNow;
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

    /** The bucket the functions use: {@code DOCUMENTS_BUCKET} when the environment sets it, else the template's. */
    private static String bucketName(String fromTemplate) {
        String fromEnv = System.getenv("DOCUMENTS_BUCKET");
        return fromEnv != null && !fromEnv.isEmpty() ? fromEnv : fromTemplate;
    }

    /** Sets what Lambda would set for each function; returns what it set, for the start-up banner. */
    private static Map<String, String> configure(String endpoint, String tableName, String base, String s3Endpoint,
                                                 String bucket) {
        Map<String, String> shown = new LinkedHashMap<>();
        setIfAbsent("TABLE_NAME", tableName, shown);
        setIfAbsent("DOCUMENTS_BUCKET", bucket, shown);
        DEVELOPMENT_SECRETS.forEach((name, value) -> setIfAbsent(name, value, shown));
        setIfAbsent("MIDTRANS_SNAP_URL", base + "/_sandbox/midtrans/snap/v1", shown);
        setIfAbsent("MIDTRANS_API_URL", base + "/_sandbox/midtrans", shown);
        setIfAbsent("XENDIT_API_URL", base + "/_sandbox/xendit", shown);
        setIfAbsent("WEB_ORIGIN", base, shown);
        System.setProperty("aws.region", System.getenv().getOrDefault("AWS_REGION", Functions.REGION));
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
        return "http://" + LocalDynamoDb.HOST + ":" + gateway.port();
    }

    public String dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    public String tableName() {
        return tableName;
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    /** Runs the scheduled function {@code logicalId} once, on the event its schedule delivers at {@code at}; its answer. */
    public JsonNode runScheduled(String logicalId, Instant at) throws IOException {
        return functions.invoke(logicalId, LocalReconcileRoute.scheduledEvent(at), UUID.randomUUID().toString());
    }

    Functions functions() {
        return functions;
    }

    PaymentSandbox sandbox() {
        return sandbox;
    }

    String banner() {
        StringBuilder out = new StringBuilder();
        out.append("Peduli local stack\n");
        out.append("  web:        ").append(baseUrl()).append("/  (donors; reporters at /lapor; officers at /petugas)\n");
        out.append("  API:        ").append(baseUrl()).append('\n');
        out.append("  payments:   ").append(baseUrl()).append("/_sandbox/ plays Midtrans and Xendit (pay at the pledge's payment.url)\n");
        out.append("  data:       ").append(dataDir == null ? "in memory (gone when stopped)" : dataDir.toAbsolutePath()).append('\n');
        out.append("  DynamoDB:   ").append(dynamo.endpoint()).append(" table ").append(tableName).append('\n');
        out.append("  S3:         ").append(s3.endpoint()).append(" bucket ").append(Config.require("DOCUMENTS_BUCKET")).append('\n');
        out.append("  development configuration (set the variables to override):\n");
        configuration.forEach((k, v) -> out.append("    ").append(k).append('=').append(v).append('\n'));
        out.append("  officer tokens: POST /_local/token {\"sub\":\"siska\",\"groups\":[\"officer:64.74\"]}\n");
        out.append("  reconcile now:  POST /_local/reconcile (it also runs every 10 minutes)\n");
        return out.toString();
    }

    @Override
    public void close() {
        closeAll(parts);
    }
}
