package id.peduli.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that lets whoever reported an appeal follow it and add documents without an account: HMAC-SHA256 of
 * the appeal id under {@code NIK_PEPPER}, with its own label so it can never equal a NIK hash or a cursor signature.
 * Derived, never stored: an idempotent replay of the submission answers the same token, and a leak of the table
 * leaks no token. 256 bits, base64url without padding (43 characters).
 */
public final class ReporterToken {
    private static final String LABEL = "reporter-token:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ReporterToken() {}

    private static final class Key {
        static final SecretKeySpec VALUE = new SecretKeySpec(Config.secret("NIK_PEPPER"), "HmacSHA256");
    }

    public static String of(String appealId) {
        return ENCODER.encodeToString(mac(appealId));
    }

    /** True when {@code token} is the reporter token of {@code appealId}; compared in constant time. */
    public static boolean matches(String appealId, String token) {
        if (appealId == null || token == null) {
            return false;
        }
        byte[] expected = of(appealId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(String appealId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(Key.VALUE);
            return mac.doFinal((LABEL + appealId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
