package id.peduli.core;

import id.peduli.core.domain.Nik;
import java.util.HexFormat;

/**
 * The keyed hash under which NIKs are looked up: {@link Secrets#hmac} of the NIK under the label {@value #LABEL}. A
 * plain hash of a 16-digit number with known structure could be reversed by enumeration; a keyed one cannot without
 * the key, and the label keeps it from equalling any other value derived from the same secret.
 */
public final class NikHash {
    static final String LABEL = "nik-hash";

    private NikHash() {}

    public static String of(Nik nik) {
        return HexFormat.of().formatHex(Secrets.hmac(LABEL, nik.value()));
    }
}
