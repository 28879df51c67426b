package id.peduli.core.domain;

import java.time.Instant;
import java.util.Comparator;

/**
 * A supporting document of an appeal. {@code size} is what the uploader announced; {@code storedSize} is the size of
 * the cleaned copy officers download, once the document is READY. {@code officer} is the officer's {@code sub} when an
 * officer added it, null when the reporter did.
 */
public record Document(String id, String appealId, DocumentKind kind, DocumentType type, long size,
                       DocumentStatus status, Instant createdAt, String officer, Long storedSize) {

    /** The order documents were announced in (ids are random, so their keys alone do not give it). */
    public static final Comparator<Document> ANNOUNCED_ORDER =
            Comparator.comparing(Document::createdAt).thenComparing(Document::id);

    public Document ready(long cleanedSize) {
        return new Document(id, appealId, kind, type, size, DocumentStatus.READY, createdAt, officer, cleanedSize);
    }

    public Document rejected() {
        return new Document(id, appealId, kind, type, size, DocumentStatus.REJECTED, createdAt, officer, null);
    }

    /** The size of what an officer downloads: the cleaned copy once READY, the announced size before. */
    public long downloadSize() {
        return storedSize != null ? storedSize : size;
    }
}
