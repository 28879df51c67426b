package id.peduli.core.store;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Supporting documents, kept in their appeal's partition. */
public interface DocumentStore {

    /**
     * Stores a new document, only while the appeal's status is one of {@code allowed} and fewer than {@code limit}
     * of its documents count (every one that was not refused).
     * @throws id.peduli.core.domain.DomainException.Conflict when the status or the limit forbids it
     * @throws id.peduli.core.domain.DomainException.NotFound when the appeal does not exist
     */
    void create(Document document, Set<AppealStatus> allowed, int limit);

    Optional<Document> find(String appealId, String documentId);

    /** Every document of the appeal, oldest first. */
    List<Document> list(String appealId);

    /**
     * Moves {@code before} (AWAITING_UPLOAD) to {@code after} (READY or REJECTED); a refused one frees its place.
     * @return false when another request moved it first
     */
    boolean settle(Document before, Document after);
}
