package id.peduli.core.http;

import id.peduli.core.domain.DomainException;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.IdempotencyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} handling: the same key with the same body within 24 hours gets the first answer again and
 * creates nothing; the same key with another body is a 409. The record is written in the transaction that creates
 * the thing it answers for, so there is never a record without its effect, nor an effect without its record.
 */
public final class Idempotency {
    public static final Duration RETENTION = Duration.ofHours(24);
    private final IdempotencyStore store;

    public Idempotency(IdempotencyStore store) {
        this.store = store;
    }

    /** One idempotent request: the key's scope, the key, and the hash of the body it came with. */
    public record Key(String scope, String key, String requestHash) {
        public IdempotencyRecord record(HttpResponse response, Instant now) {
            return new IdempotencyRecord(scope, key, requestHash, response.status(), response.body(),
                    response.headers().get("location"), now.plus(RETENTION));
        }
    }

    /** The request's key, or null when it sent none. */
    public static Key of(HttpRequest request, String scope) {
        String key = request.header("idempotency-key");
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 64 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw Query.invalid("Idempotency-Key", "must be 1 to 64 visible ASCII characters");
        }
        return new Key(scope, key, sha256(request.body()));
    }

    /**
     * The first answer for this key if there is one; otherwise {@code create}'s, which stores its record (see
     * {@link #record}) in the same write as what it creates. A concurrent request with the same key that stored
     * first decides the answer.
     */
    public HttpResponse once(Key key, Supplier<HttpResponse> create) {
        HttpResponse replay = replay(key);
        if (replay != null) {
            return replay;
        }
        try {
            return create.get();
        } catch (IdempotencyConflict e) {
            return replayAfterRace(key);
        }
    }

    /** The record to store with {@code response}, or null when the request had no key. */
    public static IdempotencyRecord record(Key key, HttpResponse response, Instant now) {
        return key == null ? null : key.record(response, now);
    }

    /** The stored first answer for this key, or null when there is none. */
    public HttpResponse replay(Key key) {
        if (key == null) {
            return null;
        }
        return store.find(key.scope(), key.key()).map(record -> {
            if (!record.requestHash().equals(key.requestHash())) {
                throw new DomainException.Conflict("This Idempotency-Key was already used with a different body.");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            if (record.location() != null) {
                headers.put("location", record.location());
            }
            headers.put("idempotent-replayed", "true");
            return new HttpResponse(record.status(), headers, record.body());
        }).orElse(null);
    }

    /** After losing a race to a concurrent request with the same key: its answer, now stored. */
    public HttpResponse replayAfterRace(Key key) {
        HttpResponse replay = replay(key);
        if (replay == null) {
            throw new DomainException.Conflict("A request with this Idempotency-Key is being processed; retry shortly.");
        }
        return replay;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
