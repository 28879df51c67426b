package id.peduli.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * S3 on loopback: s3proxy over jclouds' filesystem store, in this process. Objects live under {@code dataDir}
 * (or a temporary directory deleted at close, for in-memory runs). Requests are checked with AWS signatures under
 * the same local credentials the functions use, so presigned URLs are verified (signature, signed headers such as
 * {@code Content-Length}, and {@code X-Amz-Expires}) as S3 verifies them.
 *
 * <p>s3proxy and jclouds log through SLF4J; {@code logback.xml} in this jar turns them off, because their request
 * logs would carry presigned URLs.
 */
public final class LocalS3 implements AutoCloseable {
    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path temporary;
    private final int port;

    private LocalS3(S3Proxy proxy, BlobStoreContext context, Path temporary, int port) {
        this.proxy = proxy;
        this.context = context;
        this.temporary = temporary;
        this.port = port;
    }

    /** Starts on a free loopback port, with {@code bucket} created; {@code dataDir} null means a temporary directory. */
    public static LocalS3 start(Path dataDir, String bucket, String accessKey, String secretKey) throws Exception {
        Path temporary = dataDir == null ? Files.createTempDirectory("peduli-s3-") : null;
        Path base = dataDir == null ? temporary : dataDir;
        Files.createDirectories(base);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", base.toAbsolutePath().toString());
        // The API's metadata is handed over rather than looked up by name: a lookup loads every provider s3proxy
        // registers, and its Azure one needs libraries the local stack leaves out.
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemApiMetadata()).overrides(properties)
                .build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        int port = freePort();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("s3proxy did not start");
        }
        return new LocalS3(proxy, context, temporary, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
        if (temporary != null) {
            try (Stream<Path> files = Files.walk(temporary)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** Closes after a failed start of the rest of the stack, where there is nothing better to do with a failure. */
    public void closeQuietly() {
        try {
            close();
        } catch (Exception e) {
            // the process is giving up on the start anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
