package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every server the local stack runs listens on 127.0.0.1 only: the table holds NIKs and phone numbers and DynamoDB
 * Local asks for no credentials. On Linux all of 127.0.0.0/8 is this machine, so a server bound to every interface
 * also answers at 127.0.0.2, while one bound to 127.0.0.1 refuses it; a control socket bound to every interface
 * shows that the probe reaches what it should. Needs: Linux's loopback (127.0.0.2 routed to this machine).
 */
class EmbeddedServersTest {

    private static void connect(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2_000);
        }
    }

    @Test
    void theApiDynamoDbLocalAndS3_refuseConnectionsOutsideLoopbackAddress127001() throws Exception {
        LocalStack stack = LocalApi.stack();
        List<Integer> ports = List.of(URI.create(stack.baseUrl()).getPort(), URI.create(stack.dynamoEndpoint()).getPort(),
                URI.create(stack.s3Endpoint()).getPort());
        try (ServerSocket everywhere = new ServerSocket(0, 1, null)) {
            connect("127.0.0.2", everywhere.getLocalPort()); // the probe reaches a server bound to every interface

            for (int port : ports) {
                connect("127.0.0.1", port);
                assertThatThrownBy(() -> connect("127.0.0.2", port)).as("port %d at 127.0.0.2", port)
                        .isInstanceOf(ConnectException.class);
            }
        }
        assertThat(stack.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(stack.dynamoEndpoint()).startsWith("http://127.0.0.1:");
        assertThat(stack.s3Endpoint()).startsWith("http://127.0.0.1:");
    }

    @Test
    void sqliteNatives_ofEveryPlatformDynamoDbLocalSupports_travelInTheStacksClasspath() {
        String base = "com/amazonaws/services/dynamodbv2/local/shared/access/sqlite/native/";
        for (String lib : List.of("Linux/x86_64/libsqlite4java.so", "Linux/aarch64/libsqlite4java.so",
                "Linux/x86/libsqlite4java.so", "Mac/x86_64/libsqlite4java.dylib", "Mac/aarch64/libsqlite4java.dylib",
                "Windows/x86_64/sqlite4java.dll", "Windows/x86/sqlite4java.dll")) {
            assertThat(EmbeddedServersTest.class.getClassLoader().getResource(base + lib)).as(lib).isNotNull();
        }
    }
}
