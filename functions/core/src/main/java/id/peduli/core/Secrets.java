package id.peduli.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Values derived from the deployment's secret ({@code NIK_PEPPER}) with HMAC-SHA256, each under its own label so
 * that no derived value can stand in for another: unguessable to anyone without the secret, and the same on every
 * retry, which is what lets a retried request find what its first attempt made. The one derivation of them all:
 * reporter tokens ({@link ReporterToken}), NIK hashes ({@link NikHash}) and the ids pledges derive from their
 * Idempotency-Key. The label is followed by a NUL, which no label contains, so label and value never run together.
 */
public final class Secrets {
    private Secrets() {}

    private static final class Key {
        static final SecretKeySpec VALUE = new SecretKeySpec(Config.secret("NIK_PEPPER"), "HmacSHA256");
    }

    /** The HMAC of {@code label}, a NUL, and {@code value}. */
    public static byte[] hmac(String label, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(Key.VALUE);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 22-character URL-safe id (128 bits) derived from {@code value}: the shape of {@link id.peduli.core.domain.Ids}. */
    public static String id(String label, String value) {
        byte[] mac = hmac(label, value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 16));
    }
}
