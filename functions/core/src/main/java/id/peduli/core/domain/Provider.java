package id.peduli.core.domain;

import java.util.Locale;
import java.util.Optional;

/** The payment gateways a donor can pay through. */
public enum Provider {
    MIDTRANS, XENDIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> fromWire(String value) {
        for (Provider p : values()) {
            if (p.wireName().equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
