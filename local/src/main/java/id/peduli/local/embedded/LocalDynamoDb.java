package id.peduli.local.embedded;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.model.BatchWriteItemRequest;
import com.amazonaws.services.dynamodbv2.model.BatchWriteItemResult;
import com.amazonaws.services.dynamodbv2.model.DeleteItemRequest;
import com.amazonaws.services.dynamodbv2.model.DeleteItemResult;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import com.amazonaws.services.dynamodbv2.model.PutItemRequest;
import com.amazonaws.services.dynamodbv2.model.PutItemResult;
import com.amazonaws.services.dynamodbv2.model.TransactWriteItemsRequest;
import com.amazonaws.services.dynamodbv2.model.TransactWriteItemsResult;
import com.amazonaws.services.dynamodbv2.model.UpdateItemRequest;
import com.amazonaws.services.dynamodbv2.model.UpdateItemResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local 2.6.1, in this process, on a free port of 127.0.0.1 only: the table holds NIKs and phone numbers,
 * and DynamoDB Local checks no credentials, so it must not be reachable from the network. Its own launcher binds
 * every interface, so the stack mounts DynamoDB Local's request handler on a Jetty server of its own that listens
 * on loopback. Browsers get no CORS grant from it (a web page must not read the table through the user's
 * browser). Telemetry is off: without internet it would otherwise hang at start. DynamoDB Local loads its SQLite
 * native library itself, for every platform it supports, from its own jar.
 */
public final class LocalDynamoDb implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    /** An allow-list no browser origin matches: DynamoDB Local's default would be {@code *}. */
    private static final String NO_BROWSER_ORIGIN = "http://dynamodb-local.invalid";

    /** Kept here because java.util.logging holds loggers weakly: a level set on a collected logger is lost. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private final Server server;
    private final LocalDynamoDBRequestHandler requests;

    private LocalDynamoDb(Server server, LocalDynamoDBRequestHandler requests) {
        this.server = server;
        this.requests = requests;
    }

    /** Starts on a free loopback port; {@code dataDir} null means in memory. */
    public static LocalDynamoDb start(Path dataDir) throws Exception {
        System.setProperty("DDB_LOCAL_TELEMETRY", "0");
        // sqlite4java warns that DynamoDB Local's repackaged copy has "unknown jar version": harmless, and alarming.
        SQLITE_LOG.setLevel(Level.SEVERE);
        if (dataDir != null) {
            Files.createDirectories(dataDir);
        }
        LocalDynamoDBRequestHandler requests = new DurableWrites(dataDir);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(requests, NO_BROWSER_ORIGIN);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(HOST);
        connector.setPort(0);
        server.addConnector(connector);
        // The handler tree DynamoDB Local's own launcher builds, on a server that binds loopback only.
        ContextHandler context = new ContextHandler();
        context.setHandler(handler);
        server.setHandler(new ContextHandlerCollection(context));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            requests.shutdown();
            throw e;
        }
        return new LocalDynamoDb(server, requests);
    }

    /**
     * DynamoDB Local answers a write once its SQLite {@code COMMIT} is queued, not once it has run (2.6.1 enqueues the
     * commit on its one SQLite thread without waiting for it). A process killed in between would lose a write the
     * client was told had happened: a settled donation found PENDING after a restart. So each write here also waits for
     * a read queued behind it on that same thread, which runs only after the commit has.
     */
    private static final class DurableWrites extends LocalDynamoDBRequestHandler {
        private static final ListTablesRequest BARRIER = new ListTablesRequest().withLimit(1);

        DurableWrites(Path dataDir) {
            // one shared database file for every access key and region, as a single-account deployment has
            super(0, dataDir == null, dataDir == null ? null : dataDir.toString(), true, false);
        }

        private <T> T committed(String accessKey, String region, T result) {
            listTables(accessKey, region, BARRIER);
            return result;
        }

        @Override
        public PutItemResult putItem(String accessKey, String region, PutItemRequest request) {
            return committed(accessKey, region, super.putItem(accessKey, region, request));
        }

        @Override
        public UpdateItemResult updateItem(String accessKey, String region, UpdateItemRequest request) {
            return committed(accessKey, region, super.updateItem(accessKey, region, request));
        }

        @Override
        public DeleteItemResult deleteItem(String accessKey, String region, DeleteItemRequest request) {
            return committed(accessKey, region, super.deleteItem(accessKey, region, request));
        }

        @Override
        public BatchWriteItemResult batchWriteItem(String accessKey, String region, BatchWriteItemRequest request) {
            return committed(accessKey, region, super.batchWriteItem(accessKey, region, request));
        }

        @Override
        public TransactWriteItemsResult transactWriteItems(String accessKey, String region, TransactWriteItemsRequest request) {
            return committed(accessKey, region, super.transactWriteItems(accessKey, region, request));
        }
    }

    public String endpoint() {
        return "http://" + HOST + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        requests.shutdown();
    }
}
