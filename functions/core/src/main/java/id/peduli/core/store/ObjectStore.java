package id.peduli.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The private bucket of supporting documents. Keys are made by {@link id.peduli.core.documents.ObjectKeys} only. */
public interface ObjectStore {

    /** A request someone else makes without credentials: method, URL, the headers it must carry, and its expiry. */
    record Presigned(String method, String url, Map<String, String> headers, Instant expiresAt) {}

    /** An object's length, and its bytes when the length was within the limit asked for (null otherwise). */
    record Content(long length, byte[] bytes) {}

    /** A PUT of exactly {@code length} bytes of {@code contentType} to {@code key}, valid for {@code validity}. */
    Presigned presignPut(String key, String contentType, long length, Duration validity);

    /** A GET of {@code key}, valid for {@code validity}. */
    Presigned presignGet(String key, Duration validity);

    /** The object, read only if at most {@code maxBytes} long; empty when there is none. */
    Optional<Content> read(String key, long maxBytes);

    void write(String key, byte[] bytes, String contentType);

    void delete(String key);
}
