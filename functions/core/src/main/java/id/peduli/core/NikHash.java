package id.peduli.core;

import id.peduli.core.domain.Nik;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256 under {@code NIK_PEPPER}) under which NIKs are looked up. A plain hash of a
 * 16-digit number with known structure could be reversed by enumeration; a keyed one cannot without the key.
 */
public final class NikHash {
    private NikHash() {}

    private static final class Key {
        static final SecretKeySpec VALUE = new SecretKeySpec(Config.secret("NIK_PEPPER"), "HmacSHA256");
    }

    public static String of(Nik nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(Key.VALUE);
            return HexFormat.of().formatHex(mac.doFinal(nik.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
