package id.peduli.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DynamoDB Local 2.6.1, in this process, listening on a loopback port. Telemetry is off: without internet it would
 * otherwise hang at start. Its SQLite native library ships inside this jar and is unpacked next to the data.
 */
final class LocalDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on a free port; {@code dataDir} null means in memory. */
    static LocalDynamoDb start(Path dataDir, Path nativeDir) throws Exception {
        System.setProperty("sqlite4java.library.path", unpackNative(nativeDir).toString());
        System.setProperty("DDB_LOCAL_TELEMETRY", "0");
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.addAll(List.of("-dbPath", dataDir.toString()));
        }
        // One shared database file for every access key and region, as a single-account deployment has.
        args.add("-sharedDb");
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new LocalDynamoDb(server, port);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path unpackNative(Path dir) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String name;
        if (os.contains("mac")) {
            name = "libsqlite4java-osx.dylib";
        } else if (os.contains("win")) {
            name = arch.contains("64") ? "sqlite4java-win32-x64.dll" : "sqlite4java-win32-x86.dll";
        } else {
            name = arch.contains("64") ? "libsqlite4java-linux-amd64.so" : "libsqlite4java-linux-i386.so";
        }
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            try (InputStream in = LocalDynamoDb.class.getResourceAsStream("/native/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("no SQLite native library for " + os + "/" + arch);
                }
                Path tmp = Files.createTempFile(dir, name, ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
