package id.peduli.bench.child;

import id.peduli.core.store.dynamodb.Dynamo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start floor of a function that calls a payment provider: the {@link Floor} (the functions' DynamoDB client
 * and one {@code GetItem}) plus the provider call made bare, a Snap "create transaction" ({@code POST
 * $MIDTRANS_SNAP_URL/transactions}) with the JDK's HttpClient, configured as the functions configure theirs, and the
 * body written by hand (no JSON library). {@code ... ProviderFloor <pk> <sk> <orderId>}. Prints {@code status 200}
 * when the item was found and the provider created the payment.
 */
public final class ProviderFloor {
    private ProviderFloor() {}

    public static void main(String[] args) throws Exception {
        DynamoDbClient client = Dynamo.newClient();
        GetItemResponse response = client.getItem(g -> g.tableName(System.getenv("TABLE_NAME"))
                .key(Map.of("pk", AttributeValue.fromS(args[0]), "sk", AttributeValue.fromS(args[1]))));
        boolean found = response.hasItem() && !response.item().isEmpty();
        int created = create(System.getenv("MIDTRANS_SNAP_URL"), System.getenv("MIDTRANS_SERVER_KEY"), args[2], 50_000);
        System.out.println("status " + (found && created / 100 == 2 ? 200 : created));
        System.out.flush();
        Cpu.print();
    }

    /** The bare create call: its HTTP status. */
    static int create(String snapBase, String serverKey, String orderId, long amount) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String body = "{\"transaction_details\":{\"order_id\":\"" + orderId + "\",\"gross_amount\":" + amount + "},"
                + "\"item_details\":[{\"id\":\"bench\",\"price\":" + amount + ",\"quantity\":1,\"name\":\"Donasi Peduli\"}]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(snapBase + "/transactions"))
                .timeout(Duration.ofSeconds(8))
                .header("content-type", "application/json").header("accept", "application/json")
                .header("authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return answer.statusCode();
    }
}
