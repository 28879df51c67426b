package id.peduli.core.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Opaque, URL-safe, unguessable identifiers: 128 random bits, 22 characters. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The id, if it is one {@link #newId()} could have made: anything else names nothing, and is not looked up. */
    public static Optional<String> wellFormed(String id) {
        return isWellFormed(id) ? Optional.of(id) : Optional.empty();
    }

    /** Ids are what {@link #newId()} makes; anything else cannot name a stored item. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 22) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
