package id.peduli.core.documents;

import id.peduli.core.domain.Document;
import id.peduli.core.domain.Ids;

/**
 * Object keys of the documents bucket, derived from the appeal's and the document's ids only (both made by
 * {@link Ids}), never from anything a client sent: what the uploader PUTs, and the cleaned copy officers read.
 */
public final class ObjectKeys {
    /** The lifecycle rule expires objects under this prefix a day after they are written: uploads are transient. */
    public static final String UPLOADS = "uploads/";
    public static final String DOCUMENTS = "documents/";

    private ObjectKeys() {}

    public static String upload(Document d) {
        return UPLOADS + check(d.appealId()) + "/" + check(d.id());
    }

    public static String cleaned(Document d) {
        return DOCUMENTS + check(d.appealId()) + "/" + check(d.id());
    }

    private static String check(String id) {
        if (!Ids.isWellFormed(id)) {
            throw new IllegalArgumentException("not an id");
        }
        return id;
    }
}
