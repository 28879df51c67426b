package id.peduli.local.embedded;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
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
        // One shared database file for every access key and region, as a single-account deployment has.
        LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(0, dataDir == null,
                dataDir == null ? null : dataDir.toString(), true, false);
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

    public String endpoint() {
        return "http://" + HOST + ":" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        requests.shutdown();
    }
}
