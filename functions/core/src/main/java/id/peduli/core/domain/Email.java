package id.peduli.core.domain;

import java.util.regex.Pattern;

/**
 * An e-mail address as a payment provider accepts one for its receipt: at most 254 characters, one {@code @}, a
 * local part of at most 64 printable characters and a domain of dot-separated labels ending in a top-level one.
 */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    public Email {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 254 && SHAPE.matcher(value).matches()
                && !value.startsWith(".") && !value.contains("..") && !value.contains(".@");
    }
}
