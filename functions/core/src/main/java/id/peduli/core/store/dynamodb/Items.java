package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.BpjsStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentKind;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DocumentType;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerEntryType;
import id.peduli.core.domain.Nik;
import id.peduli.core.domain.Patient;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.Provider;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Reporter;
import id.peduli.core.domain.Rupiah;
import id.peduli.core.domain.Times;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.IdempotencyRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Domain objects to items and back. Index attributes are derived here from the appeal's status and region. */
final class Items {
    private Items() {}

    /** Writes non-null attributes only: DynamoDB has no use for empty ones, and sparse indexes rely on it. */
    static final class Writer {
        final Map<String, AttributeValue> item = new HashMap<>();

        Writer(Map<String, AttributeValue> key) {
            item.putAll(key);
        }

        Writer s(String name, String value) {
            if (value != null) {
                item.put(name, AttributeValue.fromS(value));
            }
            return this;
        }

        Writer n(String name, Long value) {
            if (value != null) {
                item.put(name, AttributeValue.fromN(Long.toString(value)));
            }
            return this;
        }

        Writer bool(String name, boolean value) {
            item.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Writer time(String name, Instant value) {
            return s(name, Times.format(value));
        }
    }

    record Reader(Map<String, AttributeValue> item) {
        String s(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.s();
        }

        long n(String name) {
            AttributeValue v = item.get(name);
            return v == null ? 0 : Long.parseLong(v.n());
        }

        Long nOrNull(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : Long.parseLong(v.n());
        }

        boolean bool(String name) {
            AttributeValue v = item.get(name);
            return v != null && Boolean.TRUE.equals(v.bool());
        }

        Instant time(String name) {
            return Times.parse(s(name));
        }
    }

    // ---- appeals

    static Map<String, AttributeValue> appeal(Appeal a) {
        Writer w = new Writer(Keys.appeal(a.id()))
                .s("id", a.id())
                .s("status", a.status().name())
                .s("regionCode", a.regionCode().value())
                .s("patientName", a.patient().name())
                .s("nik", a.patient().nik().value())
                .s("birthDate", a.patient().birthDate().toString())
                .s("address", a.patient().address())
                .s("nikHash", a.nikHash())
                .s("reporterName", a.reporter().name())
                .s("reporterPhone", a.reporter().phone())
                .s("reporterRelationship", a.reporter().relationship())
                .s("diagnosis", a.diagnosis())
                .s("hospital", a.hospital())
                .s("story", a.story())
                .s("bpjsStatus", a.bpjsStatus().name())
                .n("targetAmount", a.target().value())
                .time("createdAt", a.createdAt())
                .time("verifiedAt", a.verifiedAt())
                .n("version", a.version());
        if (!a.checks().isEmpty()) {
            Map<String, AttributeValue> checks = new HashMap<>();
            a.checks().forEach((k, v) -> checks.put(k, AttributeValue.fromBool(v)));
            w.item.put("checks", AttributeValue.fromM(checks));
        }
        RegionCode region = a.regionCode();
        String ordinal = Times.format(a.createdAt()) + "#" + a.id();
        w.s(Keys.Index.QUEUE_BY_REGENCY.pk, Keys.queuePartition(a.status(), region))
                .s(Keys.Index.QUEUE_BY_REGENCY.sk, ordinal)
                .s(Keys.Index.QUEUE_BY_PROVINCE.pk, Keys.queuePartition(a.status(), region.province()))
                .s(Keys.Index.QUEUE_BY_PROVINCE.sk, ordinal);
        if (a.status().isPublic()) {
            String newest = Times.format(a.verifiedAt()) + "#" + a.id();
            w.s(Keys.Index.PUBLIC_BY_REGENCY.pk, Keys.publicPartition(region))
                    .s(Keys.Index.PUBLIC_BY_REGENCY.sk, newest)
                    .s(Keys.Index.PUBLIC_BY_PROVINCE.pk, Keys.publicPartition(region.province()))
                    .s(Keys.Index.PUBLIC_BY_PROVINCE.sk, newest)
                    .s(Keys.Index.PUBLIC_ALL.pk, Keys.publicPartition(null))
                    .s(Keys.Index.PUBLIC_ALL.sk, newest);
        }
        return w.item;
    }

    static Appeal appeal(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        Map<String, Boolean> checks = new HashMap<>();
        AttributeValue c = item.get("checks");
        if (c != null && c.hasM()) {
            c.m().forEach((k, v) -> checks.put(k, Boolean.TRUE.equals(v.bool())));
        }
        return new Appeal(
                r.s("id"),
                AppealStatus.valueOf(r.s("status")),
                new RegionCode(r.s("regionCode")),
                new Patient(r.s("patientName"), new Nik(r.s("nik")), Times.parseDate(r.s("birthDate")), r.s("address")),
                new Reporter(r.s("reporterName"), r.s("reporterPhone"), r.s("reporterRelationship")),
                r.s("diagnosis"),
                r.s("hospital"),
                r.s("story"),
                BpjsStatus.valueOf(r.s("bpjsStatus")),
                Rupiah.of(r.n("targetAmount")),
                r.time("createdAt"),
                r.time("verifiedAt"),
                r.s("nikHash"),
                checks,
                r.n("version"));
    }

    // ---- ledger head and entries

    /**
     * The ledger head. It carries a copy of the appeal's status, kept in step by every write that changes it, so
     * that a pledge checks a 200-byte item rather than the appeal with its story (DynamoDB bills a condition check
     * by the size of the item checked).
     */
    static Map<String, AttributeValue> totals(String appealId, Totals t, long target, AppealStatus appealStatus) {
        return new Writer(Keys.totals(appealId))
                .s(APPEAL_STATUS, appealStatus.name())
                .n("donated", t.donated().value())
                .n("refunded", t.refunded().value())
                .n("disbursed", t.disbursed().value())
                .n("donationCount", t.donationCount())
                .n("seq", t.seq())
                .s("head", t.head())
                .n("targetAmount", target)
                .item;
    }

    static Totals totals(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new Totals(Rupiah.of(r.n("donated")), Rupiah.of(r.n("refunded")), Rupiah.of(r.n("disbursed")),
                r.n("donationCount"), r.n("seq"), r.s("head"));
    }

    static long target(Map<String, AttributeValue> totalsItem) {
        return new Reader(totalsItem).n("targetAmount");
    }

    /** The name of the head's copy of the appeal's status. */
    static final String APPEAL_STATUS = "appealStatus";

    static AppealStatus appealStatus(Map<String, AttributeValue> totalsItem) {
        return AppealStatus.valueOf(new Reader(totalsItem).s(APPEAL_STATUS));
    }

    static Map<String, AttributeValue> ledger(String appealId, LedgerEntry e, String actor) {
        return new Writer(Keys.ledger(appealId, e.seq()))
                .n("seq", e.seq())
                .s("type", e.type().name())
                .n("amount", e.amount().value())
                .s("donorName", e.donorName())
                .s("message", e.message())
                .s("recipient", e.recipient())
                .s("reference", e.reference())
                .time("at", e.at())
                .s("prevHash", e.prevHash())
                .s("hash", e.hash())
                .s("actor", actor)
                .item;
    }

    static LedgerEntry ledger(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new LedgerEntry(r.n("seq"), LedgerEntryType.valueOf(r.s("type")), Rupiah.of(r.n("amount")),
                r.s("donorName"), r.s("message"), r.s("recipient"), r.s("reference"), r.time("at"), r.s("prevHash"),
                r.s("hash"));
    }

    // ---- history and anomalies

    static Map<String, AttributeValue> history(String appealId, HistoryEntry h, long version) {
        return new Writer(Keys.key(Keys.appealPk(appealId), Keys.historySk(Times.format(h.at()), version)))
                .time("at", h.at())
                .s("actor", h.actor())
                .s("action", h.action())
                .s("reason", h.reason())
                .s("fromRegionCode", h.fromRegionCode())
                .s("toRegionCode", h.toRegionCode())
                .item;
    }

    static HistoryEntry history(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new HistoryEntry(r.time("at"), r.s("actor"), r.s("action"), r.s("reason"), r.s("fromRegionCode"),
                r.s("toRegionCode"));
    }

    static Map<String, AttributeValue> anomaly(String appealId, Anomaly a) {
        return new Writer(Keys.key(Keys.appealPk(appealId), Keys.anomalySk(a.orderId(), a.paidAmount())))
                .s("type", a.type())
                .time("at", a.at())
                .s("provider", a.provider())
                .s("orderId", a.orderId())
                .n("expectedAmount", a.expectedAmount())
                .s("paidAmount", a.paidAmount())
                .item;
    }

    static Anomaly anomaly(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new Anomaly(r.s("type"), r.time("at"), r.s("provider"), r.s("orderId"), r.n("expectedAmount"),
                r.s("paidAmount"));
    }

    // ---- documents

    static Map<String, AttributeValue> document(Document d) {
        return new Writer(Keys.document(d.appealId(), d.id()))
                .s("id", d.id())
                .s("appealId", d.appealId())
                .s("kind", d.kind().name())
                .s("type", d.type().name())
                .n("size", d.size())
                .s("status", d.status().name())
                .time("createdAt", d.createdAt())
                .s("officer", d.officer())
                .n("storedSize", d.storedSize())
                .item;
    }

    static Document document(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new Document(r.s("id"), r.s("appealId"), DocumentKind.valueOf(r.s("kind")), DocumentType.valueOf(r.s("type")),
                r.n("size"), DocumentStatus.valueOf(r.s("status")), r.time("createdAt"), r.s("officer"),
                r.nOrNull("storedSize"));
    }

    // ---- donations

    /** A donation; while PENDING it carries the sparse index attributes reconciliation finds it by. */
    static Map<String, AttributeValue> donation(Donation d, String requestHash) {
        Writer w = new Writer(Keys.donation(d.orderId()))
                .s("id", d.id())
                .s("orderId", d.orderId())
                .s("appealId", d.appealId())
                .n("amount", d.amount().value())
                .s("donorName", d.donorName())
                .bool("anonymous", d.anonymous())
                .s("message", d.message())
                .s("provider", d.provider().wireName())
                .s(STATUS, d.status().name())
                .time("createdAt", d.createdAt())
                .time("expiresAt", d.expiresAt())
                .time("settledAt", d.settledAt())
                .n("ledgerSeq", d.ledgerSeq())
                .s("ledgerHash", d.ledgerHash())
                .s(EMAIL, d.email())
                .s(PAYMENT_URL, d.payment() == null ? null : d.payment().url())
                .s(PAYMENT_REFERENCE, d.payment() == null ? null : d.payment().reference())
                .s(REQUEST_HASH, requestHash);
        if (d.status() == DonationStatus.PENDING) {
            w.s(Keys.Index.PENDING_BY_AGE.pk, Keys.PENDING)
                    .s(Keys.Index.PENDING_BY_AGE.sk, Keys.pendingSk(Times.format(d.createdAt()), d.orderId()));
        }
        return w.item;
    }

    static Donation donation(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        String url = r.s(PAYMENT_URL);
        return new Donation(r.s("id"), r.s("orderId"), r.s("appealId"), Rupiah.of(r.n("amount")), r.s("donorName"),
                r.bool("anonymous"), r.s("message"), Provider.fromWire(r.s("provider")).orElseThrow(),
                DonationStatus.valueOf(r.s(STATUS)), r.time("createdAt"), r.time("expiresAt"), r.time("settledAt"),
                r.nOrNull("ledgerSeq"), r.s("ledgerHash"), r.s(EMAIL),
                url == null ? null : new Payment(url, r.s(PAYMENT_REFERENCE)));
    }

    static final String STATUS = "status";
    static final String EMAIL = "email";
    static final String PAYMENT_URL = "paymentUrl";
    static final String PAYMENT_REFERENCE = "providerReference";
    static final String REQUEST_HASH = "requestHash";
    static final String LEASE = "leaseUntil";

    static Map<String, AttributeValue> receipt(Donation d) {
        return new Writer(Keys.receipt(d.id())).s("orderId", d.orderId()).item;
    }

    // ---- idempotency

    static Map<String, AttributeValue> idempotency(IdempotencyRecord rec) {
        return new Writer(Keys.idempotency(rec.scope(), rec.key()))
                .s("requestHash", rec.requestHash())
                .n("status", (long) rec.status())
                .s("body", rec.body())
                .s("location", rec.location())
                .n(Keys.TTL, rec.expiresAt().getEpochSecond())
                .item;
    }

    static IdempotencyRecord idempotency(String scope, String key, Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new IdempotencyRecord(scope, key, r.s("requestHash"), (int) r.n("status"), r.s("body"), r.s("location"),
                Instant.ofEpochSecond(r.n(Keys.TTL)));
    }
}
