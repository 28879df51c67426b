package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Times;
import id.peduli.core.store.DocumentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table, and every index attribute, built here and nowhere else.
 * <pre>
 * APPEAL#id      A             the appeal (status, region, content, version)
 * APPEAL#id      AN#orderId#.. a payment anomaly
 * APPEAL#id      DOC#docId     a supporting document (kind, type, sizes, status, uploader; never its bytes)
 * APPEAL#id      DOCS          how many of its documents count against the limit (all but the refused ones)
 * APPEAL#id      H#at#version  an officer decision
 * APPEAL#id      HEAD          its ledger head: totals, last seq, last hash, target, copy of the status
 * APPEAL#id      L#seq         a ledger entry, immutable
 * DONATION#order D            a donation (in the sparse index PendingByAge while PENDING)
 * RECEIPT#id     R            the donor's receipt number, pointing at the order
 * NIK#hmac       APPEAL#id    an appeal for the patient with that NIK (keyed hash, never the NIK)
 * IDEM#scope#key I            an idempotent request's first answer (TTL 24 h)
 * RECONCILE      CURSOR       where the last reconciliation run stopped
 * </pre>
 * Within an appeal's partition everything but the ledger entries sorts before {@code L#}, so what officers see of an
 * appeal is one query ({@code sk < "L#"}), however long its ledger. Public so that tests and the benchmark build
 * keys here too, never by hand.
 */
public final class Keys {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TTL = "ttl";

    // Sort keys within an appeal's partition, in their order: all but the ledger entries sort before L#.
    public static final String APPEAL = "A";
    public static final String ANOMALY_PREFIX = "AN#";
    public static final String DOCUMENT_PREFIX = "DOC#";
    public static final String DOCUMENT_COUNT = "DOCS";
    public static final String HISTORY_PREFIX = "H#";
    public static final String LEDGER_HEAD = "HEAD";
    public static final String LEDGER_PREFIX = "L#";

    private Keys() {}

    /**
     * The indexes: over appeal items, public listings by regency, province and all, and queues by regency and
     * province; over donation items, the sparse index of those still PENDING, oldest pledge first.
     */
    public enum Index {
        PUBLIC_BY_REGENCY("PublicByRegency", "gsi1pk", "gsi1sk"),
        PUBLIC_BY_PROVINCE("PublicByProvince", "gsi2pk", "gsi2sk"),
        PUBLIC_ALL("PublicAll", "gsi3pk", "gsi3sk"),
        QUEUE_BY_REGENCY("QueueByRegency", "gsi4pk", "gsi4sk"),
        QUEUE_BY_PROVINCE("QueueByProvince", "gsi5pk", "gsi5sk"),
        PENDING_BY_AGE("PendingByAge", "gsi6pk", "gsi6sk");

        final String indexName;
        final String pk;
        final String sk;

        Index(String indexName, String pk, String sk) {
            this.indexName = indexName;
            this.pk = pk;
            this.sk = sk;
        }
    }

    /** How an appeal's partition key starts, and a donation's. */
    public static final String APPEAL_PREFIX = "APPEAL#";
    public static final String DONATION_PREFIX = "DONATION#";

    public static String appealPk(String appealId) {
        return APPEAL_PREFIX + appealId;
    }

    public static Map<String, AttributeValue> appeal(String appealId) {
        return key(appealPk(appealId), APPEAL);
    }

    public static Map<String, AttributeValue> ledgerHead(String appealId) {
        return key(appealPk(appealId), LEDGER_HEAD);
    }

    /** The kinds of item in an appeal's partition, told apart by sort key. */
    public enum Kind { APPEAL, ANOMALY, DOCUMENT, HISTORY, LEDGER_HEAD, OTHER }

    public static Kind kind(Map<String, AttributeValue> item) {
        String sk = item.get(SK).s();
        return sk.equals(APPEAL) ? Kind.APPEAL
                : sk.equals(LEDGER_HEAD) ? Kind.LEDGER_HEAD
                : sk.startsWith(HISTORY_PREFIX) ? Kind.HISTORY
                : sk.startsWith(ANOMALY_PREFIX) ? Kind.ANOMALY
                : sk.startsWith(DOCUMENT_PREFIX) ? Kind.DOCUMENT
                : Kind.OTHER;
    }

    public static String historySk(String at, long version) {
        return HISTORY_PREFIX + at + "#" + String.format("%09d", version);
    }

    public static String ledgerSk(long seq) {
        return LEDGER_PREFIX + String.format("%012d", seq);
    }

    public static Map<String, AttributeValue> ledger(String appealId, long seq) {
        return key(appealPk(appealId), ledgerSk(seq));
    }

    public static String anomalySk(String orderId, String paidAmount) {
        return ANOMALY_PREFIX + orderId + "#" + paidAmount;
    }

    public static Map<String, AttributeValue> document(String appealId, String documentId) {
        return key(appealPk(appealId), DOCUMENT_PREFIX + documentId);
    }

    public static Map<String, AttributeValue> documentCount(String appealId) {
        return key(appealPk(appealId), DOCUMENT_COUNT);
    }

    /**
     * The appeals whose documents are to be deleted, in one partition ordered by when (sort key: the instant, then
     * the appeal's id): only a decision that ends a case with documents puts one there, and the sweep takes it away.
     */
    public static final String DOCUMENT_DELETION = "DELETE#DOCS";
    /** After every appeal id in a sort key: {@code documentDeletionSk(at, LAST)} bounds the ones due at {@code at}. */
    public static final String LAST = "~";

    public static String documentDeletionSk(Instant due, String appealId) {
        return Times.format(due) + "#" + appealId;
    }

    public static Map<String, AttributeValue> documentDeletion(String appealId, Instant due) {
        return key(DOCUMENT_DELETION, documentDeletionSk(due, appealId));
    }

    public static DocumentStore.DueDeletion dueDeletion(String sk) {
        int hash = sk.indexOf('#');
        return new DocumentStore.DueDeletion(sk.substring(hash + 1), Times.parse(sk.substring(0, hash)));
    }

    public static Map<String, AttributeValue> donation(String orderId) {
        return key(DONATION_PREFIX + orderId, "D");
    }

    /** The one partition of the pending-donations index, and a donation's place in it. */
    public static final String PENDING = "PENDING";

    public static String pendingSk(String createdAt, String orderId) {
        return createdAt + "#" + orderId;
    }

    /** Where reconciliation resumes: the pending index's sort key it stopped after. */
    public static Map<String, AttributeValue> reconcileCursor() {
        return key("RECONCILE", "CURSOR");
    }

    public static Map<String, AttributeValue> receipt(String donationId) {
        return key("RECEIPT#" + donationId, "R");
    }

    public static String nikPk(String nikHash) {
        return "NIK#" + nikHash;
    }

    public static Map<String, AttributeValue> nik(String nikHash, String appealId) {
        return key(nikPk(nikHash), appealPk(appealId));
    }

    public static Map<String, AttributeValue> idempotency(String scope, String key) {
        return key("IDEM#" + scope + "#" + key, "I");
    }

    public static final String PUBLIC = "PUB";

    /** Index partition for public appeals of a region (or everywhere for null). */
    public static String publicPartition(RegionCode region) {
        return region == null ? PUBLIC : PUBLIC + "#" + region.value();
    }

    public static String queuePartition(AppealStatus status, RegionCode region) {
        return "Q#" + status.name() + "#" + region.value();
    }

    public static Index publicIndex(RegionCode region) {
        return region == null ? Index.PUBLIC_ALL : region.isProvince() ? Index.PUBLIC_BY_PROVINCE : Index.PUBLIC_BY_REGENCY;
    }

    public static Index queueIndex(RegionCode region) {
        return region.isProvince() ? Index.QUEUE_BY_PROVINCE : Index.QUEUE_BY_REGENCY;
    }

    /**
     * The index attributes of an appeal item, derived from its status and region: its place in the officers' queues
     * (by regency and by province, oldest first) and, while public, in the public listings (newest verification
     * first).
     */
    static Map<String, AttributeValue> appealIndexes(Appeal a) {
        Map<String, AttributeValue> index = new HashMap<>();
        RegionCode region = a.regionCode();
        String ordinal = Times.format(a.createdAt()) + "#" + a.id();
        put(index, Index.QUEUE_BY_REGENCY, queuePartition(a.status(), region), ordinal);
        put(index, Index.QUEUE_BY_PROVINCE, queuePartition(a.status(), region.province()), ordinal);
        if (a.status().isPublic()) {
            String newest = Times.format(a.verifiedAt()) + "#" + a.id();
            put(index, Index.PUBLIC_BY_REGENCY, publicPartition(region), newest);
            put(index, Index.PUBLIC_BY_PROVINCE, publicPartition(region.province()), newest);
            put(index, Index.PUBLIC_ALL, publicPartition(null), newest);
        }
        return index;
    }

    /** The sparse index attributes of a donation: present only while it is PENDING. */
    static Map<String, AttributeValue> pendingIndex(Donation d) {
        Map<String, AttributeValue> index = new HashMap<>();
        if (d.status() == DonationStatus.PENDING) {
            put(index, Index.PENDING_BY_AGE, PENDING, pendingSk(Times.format(d.createdAt()), d.orderId()));
        }
        return index;
    }

    /** Where a query of the pending index resumes after the position {@code after} ({@link #pendingSk}). */
    static Map<String, AttributeValue> pendingStart(String after) {
        Map<String, AttributeValue> start = new HashMap<>(donation(after.substring(after.indexOf('#') + 1)));
        put(start, Index.PENDING_BY_AGE, PENDING, after);
        return start;
    }

    private static void put(Map<String, AttributeValue> item, Index index, String pk, String sk) {
        item.put(index.pk, AttributeValue.fromS(pk));
        item.put(index.sk, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
