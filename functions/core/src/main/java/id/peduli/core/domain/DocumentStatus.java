package id.peduli.core.domain;

/**
 * Where a supporting document stands: announced and waiting for its bytes, checked and cleaned, or refused because
 * the bytes were not what was announced (refused documents do not count against the limit per appeal).
 */
public enum DocumentStatus {
    AWAITING_UPLOAD, READY, REJECTED
}
