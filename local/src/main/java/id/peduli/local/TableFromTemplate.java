package id.peduli.local;

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

/** Creates the template's table (keys, attributes, indexes, TTL) in DynamoDB Local if it is not there yet. */
final class TableFromTemplate {
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

    /** Creates the table and enables TTL; returns false when it already existed. */
    static boolean ensure(DynamoDbClient client, Map<String, Object> props, String tableName) {
        try {
            client.createTable(request(props, tableName));
        } catch (ResourceInUseException e) {
            return false;
        }
        Map<String, Object> ttl = Template.map(props.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            client.updateTimeToLive(u -> u.tableName(tableName).timeToLiveSpecification(
                    s -> s.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
        return true;
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
