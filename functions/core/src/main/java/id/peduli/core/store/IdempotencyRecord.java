package id.peduli.core.store;

import java.time.Instant;

/** The first answer to an idempotent request, kept for 24 hours so a retry gets it again. */
public record IdempotencyRecord(String scope, String key, String requestHash, int status, String body, String location,
                                Instant expiresAt) {}
