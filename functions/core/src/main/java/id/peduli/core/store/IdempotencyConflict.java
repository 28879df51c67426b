package id.peduli.core.store;

/** Another request with the same idempotency key was stored first; its record decides the answer. */
public final class IdempotencyConflict extends RuntimeException {
    public IdempotencyConflict() {
        super(null, null, false, false);
    }
}
