package id.peduli.core.documents;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentKind;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DocumentType;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Ids;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DocumentStore;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.Retry;
import id.peduli.core.store.Stores;
import id.peduli.core.store.WriteConflict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of supporting documents: who may add one and when, how many, which types and sizes, what completing an
 * upload checks (present, exactly the announced size, the type's first bytes) and what it removes (image metadata),
 * and what officers are handed to read them. Neither HTTP nor the storage's details appear here.
 */
public final class Documents {
    public static final long MAX_SIZE = 10L * 1024 * 1024;
    public static final int MAX_PER_APPEAL = 12;
    public static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(15);
    public static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(5);
    /** How long a rejected or closed case keeps its documents (for an objection to the decision) before they go. */
    public static final Duration RETENTION = Duration.ofDays(180);
    /** While the reporter may add documents. */
    public static final Set<AppealStatus> REPORTER_MAY_ADD = EnumSet.of(AppealStatus.SUBMITTED);
    /** While officers may add documents. */
    public static final Set<AppealStatus> OFFICER_MAY_ADD =
            EnumSet.of(AppealStatus.SUBMITTED, AppealStatus.VERIFIED, AppealStatus.FUNDED);

    /** A new document waits this many times for concurrent ones holding the appeal's counter. */
    static final int ANNOUNCE_ATTEMPTS = 5;

    private final Stores stores;
    private final ObjectStore objects;
    private final Clock clock;

    public Documents(Stores stores, ObjectStore objects, Clock clock) {
        this.stores = stores;
        this.objects = objects;
        this.clock = clock;
    }

    /** A new document and where to PUT its bytes. */
    public record Upload(Document document, ObjectStore.Presigned request) {}

    /** A document as officers list it, with a short-lived link to the cleaned copy when it is READY. */
    public record Listed(Document document, String url) {}

    /**
     * Announces a document of {@code appeal}; {@code officer} is null for the reporter.
     * @throws DomainException.Conflict when the appeal's status does not allow it, or it has its twelve documents
     */
    public Upload announce(Appeal appeal, DocumentKind kind, DocumentType type, long size, String officer) {
        Set<AppealStatus> allowed = officer == null ? REPORTER_MAY_ADD : OFFICER_MAY_ADD;
        if (!allowed.contains(appeal.status())) {
            throw new DomainException.Conflict("Documents cannot be added to an appeal that is " + appeal.status() + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException.Invalid("/size", "must be from 1 to " + MAX_SIZE + " bytes");
        }
        Document document = new Document(Ids.newId(), appeal.id(), kind, type, size, DocumentStatus.AWAITING_UPLOAD,
                Times.truncate(clock.instant()), officer, null);
        store(document, allowed);
        return new Upload(document, objects.presignPut(ObjectKeys.upload(document), type.mediaType(), size, UPLOAD_VALIDITY));
    }

    /**
     * The document stored as one unit of work: the ledger head's copy of the appeal's status checked, the appeal's
     * counter grown below the limit, the document written; so neither a concurrent decision nor concurrent uploads
     * get past the rules. Uploads announced at the same moment hold the counter in turn: nothing was written, so the
     * loser tries again.
     */
    private void store(Document document, Set<AppealStatus> allowed) {
        Retry.onConflict(ANNOUNCE_ATTEMPTS, () -> new DomainException.Unavailable("document counter contention"),
                attempt -> {
            try {
                stores.begin().addDocument(document, allowed, MAX_PER_APPEAL).commit();
                return null;
            } catch (WriteConflict e) {
                if (e.conditionFailed(WriteConflict.Part.LEDGER_HEAD)) {
                    throw new DomainException.Conflict("The appeal's status does not allow new documents now.");
                }
                if (e.conditionFailed(WriteConflict.Part.DOCUMENT_COUNT)) {
                    throw new DomainException.Conflict("This appeal already has " + MAX_PER_APPEAL + " documents.");
                }
                if (e.contentionOnly()) {
                    throw e;
                }
                throw e.storageFault();
            }
        });
    }

    /**
     * Moves {@code before} (AWAITING_UPLOAD) to {@code after} (READY or REJECTED) as one unit of work; a refused one
     * frees its place.
     * @return false when another request moved it first
     */
    private boolean settle(Document before, Document after) {
        try {
            stores.begin().settleDocument(before, after).commit();
            return true;
        } catch (WriteConflict e) {
            if (e.conditionFailed(WriteConflict.Part.DOCUMENT)) {
                return false;
            }
            throw e.storageFault();
        }
    }

    /**
     * Checks the uploaded bytes and keeps a cleaned copy for officers. A document already READY is answered as it is.
     * @throws DomainException.NotFound when the appeal has no such document
     * @throws DomainException.Conflict when nothing was uploaded yet, or the document was refused before
     * @throws DomainException.Unprocessable when the bytes are not what was announced: the upload is deleted and the
     *         document becomes REJECTED
     */
    public Document complete(String appealId, String documentId) {
        Document document = find(appealId, documentId);
        if (document.status() == DocumentStatus.READY) {
            return document;
        }
        if (document.status() == DocumentStatus.REJECTED) {
            throw new DomainException.Conflict("This document was refused; announce a new one.");
        }
        String upload = ObjectKeys.upload(document);
        ObjectStore.Content content = objects.read(upload, document.size())
                .orElseThrow(() -> new DomainException.Conflict("Nothing has been uploaded for this document yet."));
        String refusal = content.length() != document.size() ? "The upload is not the announced size."
                : !document.type().begins(content.bytes()) ? "The upload is not a " + document.type().mediaType() + " file."
                : null;
        byte[] cleaned = null;
        if (refusal == null) {
            try {
                cleaned = ImageMetadata.strip(document.type(), content.bytes());
            } catch (ImageMetadata.Malformed e) {
                refusal = "The upload is not a well-formed " + document.type().mediaType() + " file.";
            }
        }
        if (refusal != null) {
            objects.delete(upload);
            if (!settle(document, document.rejected())) {
                return find(appealId, documentId);
            }
            throw new DomainException.Unprocessable(refusal);
        }
        Document ready = document.ready(cleaned.length);
        objects.write(ObjectKeys.cleaned(document), cleaned, document.type().mediaType());
        // The original, with whatever metadata it carried, is not kept; later PUTs through the upload URL land in
        // an object nobody reads (and the bucket's lifecycle removes it).
        objects.delete(upload);
        return settle(document, ready) ? ready : find(appealId, documentId);
    }

    /** Every document of the appeal, oldest first, READY ones with a link valid for five minutes. */
    public List<Listed> forOfficers(List<Document> documents) {
        List<Listed> listed = new ArrayList<>(documents.size());
        for (Document d : documents) {
            listed.add(new Listed(d, d.status() == DocumentStatus.READY
                    ? objects.presignGet(ObjectKeys.cleaned(d), DOWNLOAD_VALIDITY).url() : null));
        }
        return listed;
    }

    /**
     * The appeal's documents deleted once a case ended {@link #RETENTION} ago: the cleaned copies first (an upload is
     * deleted when it is completed, or by the bucket's rule a day after it was never completed; deleting what is
     * already gone is no error), then the records and the appeal's place on the queue in one write, so a failure part
     * way leaves the case queued for the next run.
     */
    public void delete(DocumentStore.DueDeletion queued) {
        List<Document> documents = stores.documents().list(queued.appealId());
        for (Document d : documents) {
            if (d.status() == DocumentStatus.READY) {
                objects.delete(ObjectKeys.cleaned(d));
            }
        }
        stores.begin().removeDocuments(queued, documents).commit();
    }

    private Document find(String appealId, String documentId) {
        return Ids.wellFormed(documentId).flatMap(id -> stores.documents().find(appealId, id))
                .orElseThrow(() -> new DomainException.NotFound("This appeal has no document with this id."));
    }
}
