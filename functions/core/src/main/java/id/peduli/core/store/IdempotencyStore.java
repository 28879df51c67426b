package id.peduli.core.store;

import java.util.Optional;

/** Reads stored first answers; they are written inside the transaction that creates what they answer for. */
public interface IdempotencyStore {
    Optional<IdempotencyRecord> find(String scope, String key);
}
