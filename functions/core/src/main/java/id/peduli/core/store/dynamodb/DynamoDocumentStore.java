package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Document;
import id.peduli.core.store.DocumentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DocumentStore} on the single table: an appeal's documents, in its partition. New and settled documents are
 * a {@link DynamoUnitOfWork}'s writes.
 */
public final class DynamoDocumentStore implements DocumentStore {
    private final Dynamo dynamo;

    public DynamoDocumentStore(Dynamo dynamo) {
        this.dynamo = dynamo;
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
    public List<DueDeletion> dueForDeletion(Instant now, int limit) {
        List<DueDeletion> due = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.query(dynamo.partition(Keys.DOCUMENT_DELETION, "#sk <= :sk", true,
                Keys.documentDeletionSk(now, Keys.LAST)), limit)) {
            due.add(Keys.dueDeletion(item.get(Keys.SK).s()));
        }
        return due;
    }
}
