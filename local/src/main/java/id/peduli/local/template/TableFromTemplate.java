package id.peduli.local.template;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creates the template's table (keys, attributes, indexes, TTL) in DynamoDB Local if it is not there yet. */
public final class TableFromTemplate {
    private TableFromTemplate() {}

    static CreateTableRequest request(Map<String, Object> props, String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object a : Template.list(props.get("AttributeDefinitions"))) {
            Map<String, Object> m = Template.map(a);
            attributes.add(AttributeDefinition.builder().attributeName((String) m.get("AttributeName"))
                    .attributeType((String) m.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object i : Template.list(props.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> m = Template.map(i);
            Map<String, Object> projection = Template.map(m.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName((String) m.get("IndexName"))
                    .keySchema(keys(m.get("KeySchema")))
                    .projection(Projection.builder().projectionType((String) projection.get("ProjectionType"))
                            .nonKeyAttributes(strings(projection.get("NonKeyAttributes"))).build())
                    .build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .attributeDefinitions(attributes)
                .keySchema(keys(props.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /**
     * Creates the table and enables TTL; returns false when it already existed. DynamoDB Local finishes creating a
     * table after answering, and a TTL set before it is ACTIVE is lost when it does: so TTL waits for ACTIVE, and is
     * set again until the table describes it.
     */
    public static boolean ensure(DynamoDbClient client, Map<String, Object> props, String tableName) {
        try {
            client.createTable(request(props, tableName));
        } catch (ResourceInUseException e) {
            return false;
        }
        client.waiter().waitUntilTableExists(d -> d.tableName(tableName));
        Map<String, Object> ttl = Template.map(props.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            String attribute = (String) ttl.get("AttributeName");
            for (int attempt = 0; attempt < 50 && !ttlEnabled(client, tableName, attribute); attempt++) {
                client.updateTimeToLive(u -> u.tableName(tableName).timeToLiveSpecification(
                        s -> s.attributeName(attribute).enabled(true)));
                sleep(attempt * 20L);
            }
        }
        return true;
    }

    private static boolean ttlEnabled(DynamoDbClient client, String tableName, String attribute) {
        var ttl = client.describeTimeToLive(d -> d.tableName(tableName)).timeToLiveDescription();
        return attribute.equals(ttl.attributeName()) && ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<KeySchemaElement> keys(Object schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object k : Template.list(schema)) {
            Map<String, Object> m = Template.map(k);
            keys.add(KeySchemaElement.builder().attributeName((String) m.get("AttributeName"))
                    .keyType((String) m.get("KeyType")).build());
        }
        return keys;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        Template.list(value).forEach(v -> out.add(String.valueOf(v)));
        return out.isEmpty() ? null : out;
    }
}
