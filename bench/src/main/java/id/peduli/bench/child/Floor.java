package id.peduli.bench.child;

import id.peduli.core.store.dynamodb.Dynamo;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The cold-start floor: a fresh JVM on the same classpath and flags as a function that only builds the functions'
 * DynamoDB client ({@link Dynamo#newClient()}) and makes one {@code GetItem}:
 * {@code ... id.peduli.bench.child.Floor <pk> <sk>} with the table from {@code TABLE_NAME}. Prints {@code status 200}
 * when the item was found.
 */
public final class Floor {
    private Floor() {}

    public static void main(String[] args) {
        DynamoDbClient client = Dynamo.newClient();
        GetItemResponse response = client.getItem(g -> g.tableName(System.getenv("TABLE_NAME"))
                .key(Map.of("pk", AttributeValue.fromS(args[0]), "sk", AttributeValue.fromS(args[1]))));
        System.out.println("status " + (response.hasItem() && !response.item().isEmpty() ? 200 : 404));
        System.out.flush();
        Cpu.print();
    }
}
