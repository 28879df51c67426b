package id.peduli.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The secret that lets whoever reported an appeal follow it and add documents without an account:
 * {@link Secrets#hmac} of the appeal id under the label {@value #LABEL}, so it can never equal a NIK hash, a derived
 * id or a cursor signature. Derived, never stored: an idempotent replay of the submission answers the same token, and
 * a leak of the table leaks no token. 256 bits, base64url without padding (43 characters).
 */
public final class ReporterToken {
    static final String LABEL = "reporter-token";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ReporterToken() {}

    public static String of(String appealId) {
        return ENCODER.encodeToString(Secrets.hmac(LABEL, appealId));
    }

    /** True when {@code token} is the reporter token of {@code appealId}; compared in constant time. */
    public static boolean matches(String appealId, String token) {
        if (appealId == null || token == null) {
            return false;
        }
        byte[] expected = of(appealId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
    }
}
