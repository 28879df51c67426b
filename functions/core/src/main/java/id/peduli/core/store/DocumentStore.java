package id.peduli.core.store;

import id.peduli.core.domain.Document;
import java.util.List;
import java.util.Optional;

/** Reads of supporting documents, kept in their appeal's partition; they are written through a {@link UnitOfWork}. */
public interface DocumentStore {

    Optional<Document> find(String appealId, String documentId);

    /** Every document of the appeal, oldest first. */
    List<Document> list(String appealId);
}
