package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.store.DocumentStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link DocumentStore} on the single table. A new document is one transaction: the ledger head's copy of the
 * appeal's status is checked (a small item), the appeal's document counter grows only below the limit, and the
 * document is written; so neither a concurrent decision nor concurrent uploads can get past the rules.
 */
public final class DynamoDocumentStore implements DocumentStore {
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
            statusValues.put(p, Dynamo.s(s.name()));
        }
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(dynamo.table())
                        .key(Keys.ledgerHead(document.appealId()))
                        .conditionExpression("#status IN (" + String.join(", ", placeholders) + ")")
                        .expressionAttributeNames(Map.of("#status", Attr.APPEAL_STATUS))
                        .expressionAttributeValues(statusValues)).build(),
                TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                        .key(Keys.documentCount(document.appealId()))
                        .updateExpression("ADD #count :one")
                        .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                        .expressionAttributeNames(Map.of("#count", Attr.COUNT))
                        .expressionAttributeValues(Map.of(":one", Dynamo.n(1), ":limit", Dynamo.n(limit)))).build(),
                dynamo.putIfAbsent(Items.document(document)));
        try {
            dynamo.transact(items);
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
        return dynamo.get(Keys.document(appealId, documentId), true).map(Items::document);
    }

    @Override
    public List<Document> list(String appealId) {
        List<Document> documents = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryAll(dynamo.partition(Keys.appealPk(appealId),
                "begins_with(#sk, :sk)", true, Keys.DOCUMENT_PREFIX))) {
            documents.add(Items.document(item));
        }
        documents.sort(Document.ANNOUNCED_ORDER);
        return documents;
    }

    @Override
    public boolean settle(Document before, Document after) {
        TransactWriteItem put = dynamo.putIfUnchanged(Items.document(after), Attr.STATUS, Dynamo.s(before.status().name()));
        List<TransactWriteItem> items = after.status() != DocumentStatus.REJECTED ? List.of(put) : List.of(put,
                // a refused document gives its place back
                TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                        .key(Keys.documentCount(before.appealId()))
                        .updateExpression("ADD #count :minusOne")
                        .expressionAttributeNames(Map.of("#count", Attr.COUNT))
                        .expressionAttributeValues(Map.of(":minusOne", Dynamo.n(-1)))).build());
        try {
            dynamo.transact(items);
            return true;
        } catch (TransactionCanceledException e) {
            if (Dynamo.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }
}
