package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.store.DocumentStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DocumentStore} on the single table. A new document is one transaction: the ledger head's copy of the
 * appeal's status is checked (a small item), the appeal's document counter grows only below the limit, and the
 * document is written; so neither a concurrent decision nor concurrent uploads can get past the rules.
 */
public final class DynamoDocumentStore implements DocumentStore {
    private static final String STATUS = "status";
    private static final String COUNT = "count";
    private final Dynamo dynamo;

    public DynamoDocumentStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public void create(Document document, Set<AppealStatus> allowed, int limit) {
        Map<String, AttributeValue> statusValues = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (AppealStatus s : allowed) {
            String p = ":s" + placeholders.size();
            placeholders.add(p);
            statusValues.put(p, AttributeValue.fromS(s.name()));
        }
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                        .key(Keys.totals(document.appealId()))
                        .conditionExpression("#status IN (" + String.join(", ", placeholders) + ")")
                        .expressionAttributeNames(Map.of("#status", Items.APPEAL_STATUS))
                        .expressionAttributeValues(statusValues)).build(),
                TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                        .key(Keys.documentCount(document.appealId()))
                        .updateExpression("ADD #count :one")
                        .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                        .expressionAttributeNames(Map.of("#count", COUNT))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                ":limit", AttributeValue.fromN(Integer.toString(limit))))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(Items.document(document))
                        .conditionExpression("attribute_not_exists(pk)")).build());
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (Dynamo.conditionFailed(e, 0)) {
                throw new DomainException.Conflict("The appeal's status does not allow new documents now.");
            }
            if (Dynamo.conditionFailed(e, 1)) {
                throw new DomainException.Conflict("This appeal already has " + limit + " documents.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Document> find(String appealId, String documentId) {
        Map<String, AttributeValue> item = dynamo.client().getItem(g -> g.tableName(dynamo.table())
                .key(Keys.document(appealId, documentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.document(item));
    }

    @Override
    public List<Document> list(String appealId) {
        List<Document> documents = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.client().query(q -> q.tableName(dynamo.table())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :doc)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.appealPk(appealId)),
                            ":doc", AttributeValue.fromS(Keys.DOCUMENT_PREFIX)))
                    .exclusiveStartKey(from)
                    .consistentRead(true));
            page.items().forEach(item -> documents.add(Items.document(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return oldestFirst(documents);
    }

    /** Documents in the order they were announced (ids are random, so the sort key alone does not give it). */
    static List<Document> oldestFirst(List<Document> documents) {
        documents.sort(Comparator.comparing(Document::createdAt).thenComparing(Document::id));
        return documents;
    }

    @Override
    public boolean settle(Document before, Document after) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(Items.document(after))
                .conditionExpression("#status = :before")
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(Map.of(":before", AttributeValue.fromS(before.status().name())))).build();
        List<TransactWriteItem> items = after.status() != DocumentStatus.REJECTED ? List.of(put) : List.of(put,
                // a refused document gives its place back
                TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                        .key(Keys.documentCount(before.appealId()))
                        .updateExpression("ADD #count :minusOne")
                        .expressionAttributeNames(Map.of("#count", COUNT))
                        .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1")))).build());
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (Dynamo.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }
}
