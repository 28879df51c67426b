package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.peduli.core.http.Json;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.dynamodb.Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger hash rule of API.md v1.1, computed here independently of the server and of the browser. */
final class Ledgers {
    static final String GENESIS = "0".repeat(64);

    private Ledgers() {}

    /** sha256 hex of JSON [prevHash, seq, type, amount, party, message, reference, at] (no whitespace). */
    static String v11(JsonNode e, String prevHash) {
        ArrayNode a = Json.array();
        a.add(prevHash);
        a.add(e.get("seq").asLong());
        a.add(e.get("type").asText());
        a.add(e.get("amount").asLong());
        a.add(e.get("type").asText().equals("DISBURSEMENT") ? e.get("recipient").asText() : e.get("donorName").asText());
        a.add(e.path("message").asText(""));
        a.add(e.get("reference").asText());
        a.add(e.get("at").asText());
        return sha256(Json.write(a));
    }

    /** Changes stored attributes of one ledger entry directly in DynamoDB (as an intruder with table access would). */
    static void tamper(String appealId, long seq, Map<String, AttributeValue> values) {
        try (DynamoDbClient db = Dynamo.newClient()) {
            update(db, appealId, seq, values);
        }
    }

    private static void update(DynamoDbClient db, String appealId, long seq, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> key = Keys.ledger(appealId, seq);
        StringBuilder set = new StringBuilder("SET ");
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, AttributeValue> vals = new java.util.HashMap<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> v : values.entrySet()) {
            set.append(i == 0 ? "" : ", ").append("#n").append(i).append(" = :v").append(i);
            names.put("#n" + i, v.getKey());
            vals.put(":v" + i, v.getValue());
            i++;
        }
        db.updateItem(u -> u.tableName(LocalApi.stack().tableName()).key(key).updateExpression(set.toString())
                .expressionAttributeNames(names).expressionAttributeValues(vals).conditionExpression("attribute_exists(pk)"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
