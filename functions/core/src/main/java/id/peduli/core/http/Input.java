package id.peduli.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.DomainException.FieldError;
import id.peduli.core.domain.Email;
import id.peduli.core.domain.Times;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Reads fields of a JSON object and collects every broken rule with its JSON pointer, so a client learns all that
 * is wrong at once. Unknown fields are errors too: a client can never set what it does not own.
 */
public final class Input {
    private final ObjectNode node;
    private final String pointer;
    private final List<FieldError> errors;

    private Input(ObjectNode node, String pointer, List<FieldError> errors) {
        this.node = node;
        this.pointer = pointer;
        this.errors = errors;
    }

    public static Input of(ObjectNode body) {
        return new Input(body, "", new ArrayList<>());
    }

    public void error(String field, String detail) {
        errors.add(FieldError.at(pointer(field), detail));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws every collected error at once. */
    public void check() {
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
    }

    public String pointer(String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    /** Only these fields may be present. */
    public Input allow(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                error(name, "unknown field");
            }
        }
        return this;
    }

    public Input object(String field, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (!value.isObject()) {
            error(field, "must be an object");
            return null;
        }
        return new Input((ObjectNode) value, pointer(field), errors);
    }

    /** A string of {@code min..max} characters (code points), trimmed of surrounding white space. */
    public String text(String field, int min, int max, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (!value.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            error(field, min == max ? "must be " + min + " characters"
                    : length > max ? "must be at most " + max + " characters"
                    : min <= 1 ? "must not be empty" : "must be at least " + min + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            error(field, "must not contain control characters");
            return null;
        }
        return text;
    }

    /** An e-mail address ({@link Email}), or null when absent. */
    public String email(String field, boolean required) {
        String text = text(field, 1, 254, required);
        if (text != null && !Email.isValid(text)) {
            error(field, "must be a valid e-mail address");
            return null;
        }
        return text;
    }

    /** A whole number of rupiah in {@code min..max}: a JSON integer, never a float or a string. */
    public Long money(String field, long min, long max, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            error(field, "must be an integer number of rupiah");
            return null;
        }
        long amount = value.longValue();
        if (amount < min || amount > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return amount;
    }

    /** A whole number in {@code min..max}: a JSON integer, never a float or a string. */
    public Long integer(String field, long min, long max, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            error(field, "must be an integer from " + min + " to " + max);
            return null;
        }
        return value.longValue();
    }

    public Boolean bool(String field, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    public LocalDate date(String field, boolean required) {
        String text = text(field, 10, 10, required);
        if (text == null) {
            return null;
        }
        try {
            return Times.parseDate(text);
        } catch (DateTimeParseException e) {
            error(field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** One of an enum's constants, named exactly as {@link Enum#name()}. */
    public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
        return choice(field, type, Enum::name, required);
    }

    /** One of an enum's constants, as {@code wireName} spells them on the wire. */
    public <E extends Enum<E>> E choice(String field, Class<E> type, Function<E, String> wireName, boolean required) {
        JsonNode value = node.get(field);
        if (absent(field, value, required)) {
            return null;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (wireName.apply(constant).equals(value.asText())) {
                    return constant;
                }
            }
        }
        StringJoiner names = new StringJoiner(", ");
        for (E constant : type.getEnumConstants()) {
            names.add(wireName.apply(constant));
        }
        error(field, "must be one of " + names);
        return null;
    }

    private boolean absent(String field, JsonNode value, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return true;
        }
        return false;
    }
}
