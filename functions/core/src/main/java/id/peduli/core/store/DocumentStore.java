package id.peduli.core.store;

import id.peduli.core.domain.Document;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of supporting documents, kept in their appeal's partition; they are written through a {@link UnitOfWork}. */
public interface DocumentStore {

    Optional<Document> find(String appealId, String documentId);

    /** Every document of the appeal, oldest first. */
    List<Document> list(String appealId);

    /** Appeals whose documents are due for deletion at {@code now}, at most {@code limit}, the longest due first. */
    List<DueDeletion> dueForDeletion(Instant now, int limit);

    /** An appeal whose documents are to be deleted from {@code due} on (see {@link UnitOfWork#queueDocumentDeletion}). */
    record DueDeletion(String appealId, Instant due) {}
}
