package id.peduli.core.domain;

import java.util.List;

/** What a domain operation refuses, in words the caller may read. Carries no personal data. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String detail) {
        super(detail, null, false, false);
    }

    /** The thing asked for does not exist, or is not visible to this caller. */
    public static final class NotFound extends DomainException {
        public NotFound(String detail) { super(detail); }
    }

    /** The request is valid but conflicts with the current state (or a concurrent change). */
    public static final class Conflict extends DomainException {
        public Conflict(String detail) { super(detail); }
    }

    /** The request was understood, but what it points at is not what it claims to be (an upload that is not its type). */
    public static final class Unprocessable extends DomainException {
        public Unprocessable(String detail) { super(detail); }
    }

    /** The caller did not prove who they are (no valid token, or a notification that is not authentic). */
    public static final class Unauthenticated extends DomainException {
        public Unauthenticated(String detail) { super(detail); }
    }

    /** The caller is authenticated but has no scope over the thing. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String detail) { super(detail); }
    }

    /** The storage could not answer now; the same request may succeed later. */
    public static final class Unavailable extends DomainException {
        public Unavailable(String detail) { super(detail); }
    }

    /** One or more fields of the input break a rule. */
    public static final class Invalid extends DomainException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super("The request has invalid fields.");
            this.errors = List.copyOf(errors);
        }

        public Invalid(String pointer, String detail) {
            this(List.of(FieldError.at(pointer, detail)));
        }

        public List<FieldError> errors() { return errors; }
    }

    /** A failed rule: a JSON pointer into the body, or a query parameter name, and what is wrong there. */
    public record FieldError(String pointer, String parameter, String detail) {
        public static FieldError at(String pointer, String detail) { return new FieldError(pointer, null, detail); }
        public static FieldError param(String name, String detail) { return new FieldError(null, name, detail); }
    }
}
