package id.peduli.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.documents.Documents;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentKind;
import id.peduli.core.domain.DocumentType;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Times;
import id.peduli.core.store.OfficerRecord;
import java.util.List;

/** Reading an announced document, and the JSON views of documents and of the reporter's tracking page. */
public final class DocumentViews {
    private DocumentViews() {}

    /** {@code {"kind","contentType","size"}}, every broken rule reported at once. */
    public record Announcement(DocumentKind kind, DocumentType type, long size) {
        public static Announcement read(ObjectNode body) {
            Input in = Input.of(body).allow("kind", "contentType", "size");
            DocumentKind kind = in.choice("kind", DocumentKind.class, true);
            DocumentType type = in.choice("contentType", DocumentType.class, DocumentType::mediaType, true);
            Long size = in.integer("size", 1, Documents.MAX_SIZE, true);
            in.check();
            return new Announcement(kind, type, size);
        }
    }

    /** The 201 of an announcement: the document and the presigned PUT. */
    public static ObjectNode announced(Documents.Upload upload) {
        ObjectNode v = document(upload.document());
        ObjectNode u = v.putObject("upload");
        u.put("method", upload.request().method());
        u.put("url", upload.request().url());
        ObjectNode headers = u.putObject("headers");
        upload.request().headers().forEach(headers::put);
        u.put("expiresAt", Times.format(upload.request().expiresAt()));
        return v;
    }

    /** The answer of a completed upload. */
    public static ObjectNode completed(Document d) {
        ObjectNode v = document(d);
        v.put("createdAt", Times.format(d.createdAt()));
        return v;
    }

    /** What every view of a document begins with; the size is the one a download has (the announced one before). */
    private static ObjectNode document(Document d) {
        ObjectNode v = Json.object();
        v.put("id", d.id());
        v.put("kind", d.kind().name());
        v.put("contentType", d.type().mediaType());
        v.put("size", d.downloadSize());
        v.put("status", d.status().name());
        return v;
    }

    /** Officers' list: who added each document, and a short-lived link to READY ones (none for the others). */
    public static ObjectNode forOfficers(List<Documents.Listed> listed) {
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        for (Documents.Listed l : listed) {
            Document d = l.document();
            ObjectNode v = items.addObject().setAll(document(d));
            v.put("createdAt", Times.format(d.createdAt()));
            v.put("uploadedBy", d.officer() == null ? "REPORTER" : d.officer());
            if (l.url() != null) {
                v.put("url", l.url());
            }
        }
        return answer;
    }

    /**
     * What the reporter sees: the appeal's status and region, the decisions without who took them (the reason only
     * for REJECT and REFER, as officers are told), and the documents without who added them.
     */
    public static ObjectNode tracking(OfficerRecord record) {
        ObjectNode v = Json.object();
        v.put("id", record.appeal().id());
        v.put("status", record.appeal().status().name());
        v.put("regionCode", record.appeal().regionCode().value());
        v.put("regionName", record.appeal().regionCode().name());
        v.put("createdAt", Times.format(record.appeal().createdAt()));
        ArrayNode events = v.putArray("events");
        for (HistoryEntry h : record.history()) {
            RegionCode after = new RegionCode(h.toRegionCode() != null ? h.toRegionCode() : h.fromRegionCode());
            ObjectNode e = events.addObject();
            e.put("at", Times.format(h.at()));
            e.put("action", h.action());
            e.put("regionCode", after.value());
            e.put("regionName", after.name());
            e.put("reason", h.action().equals("REJECT") || h.action().equals("REFER") ? h.reason() : null);
        }
        ArrayNode documents = v.putArray("documents");
        for (Document d : record.documents()) {
            ObjectNode item = documents.addObject();
            item.put("id", d.id());
            item.put("kind", d.kind().name());
            item.put("status", d.status().name());
            item.put("createdAt", Times.format(d.createdAt()));
        }
        return v;
    }
}
