package id.peduli.core.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Optimistic concurrency's one retry: an attempt that lost a race ({@link WriteConflict}) reads again and tries
 * again after a short random pause that grows with the attempt, a bounded number of times.
 */
public final class Retry {
    private Retry() {}

    /** One attempt; {@code attempt} counts from 0, so an attempt knows whether it must read afresh. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt);
    }

    /**
     * Runs {@code attempt} until it ends without a {@link WriteConflict}, at most {@code attempts} times.
     * @throws RuntimeException {@code exhausted}'s when every attempt lost
     */
    public static <T> T onConflict(int attempts, Supplier<? extends RuntimeException> exhausted, Attempt<T> attempt) {
        for (int i = 0; i < attempts; i++) {
            if (i > 0) {
                backoff(i);
            }
            try {
                return attempt.run(i);
            } catch (WriteConflict e) {
                // someone else moved what this attempt read: look again
            }
        }
        throw exhausted.get();
    }

    /** A short random pause before trying again, growing with the attempt (at most 200 ms). */
    public static void backoff(int attempt) {
        long bound = Math.min(200, 5L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
