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
import id.peduli.core.domain.LedgerHead;
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

/** Domain objects to items and back, under the attribute names of {@link Attr}; keys and index attributes from {@link Keys}. */
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
                .s(Attr.ID, a.id())
                .s(Attr.STATUS, a.status().name())
                .s(Attr.REGION_CODE, a.regionCode().value())
                .s(Attr.PATIENT_NAME, a.patient().name())
                .s(Attr.NIK, a.patient().nik().value())
                .s(Attr.BIRTH_DATE, a.patient().birthDate().toString())
                .s(Attr.ADDRESS, a.patient().address())
                .s(Attr.NIK_HASH, a.nikHash())
                .s(Attr.REPORTER_NAME, a.reporter().name())
                .s(Attr.REPORTER_PHONE, a.reporter().phone())
                .s(Attr.REPORTER_RELATIONSHIP, a.reporter().relationship())
                .s(Attr.DIAGNOSIS, a.diagnosis())
                .s(Attr.HOSPITAL, a.hospital())
                .s(Attr.STORY, a.story())
                .s(Attr.BPJS_STATUS, a.bpjsStatus().name())
                .n(Attr.TARGET_AMOUNT, a.target().value())
                .time(Attr.CREATED_AT, a.createdAt())
                .time(Attr.VERIFIED_AT, a.verifiedAt())
                .n(Attr.VERSION, a.version());
        if (!a.checks().isEmpty()) {
            Map<String, AttributeValue> checks = new HashMap<>();
            a.checks().forEach((k, v) -> checks.put(k, AttributeValue.fromBool(v)));
            w.item.put(Attr.CHECKS, AttributeValue.fromM(checks));
        }
        w.item.putAll(Keys.appealIndexes(a));
        return w.item;
    }

    static Appeal appeal(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        Map<String, Boolean> checks = new HashMap<>();
        AttributeValue c = item.get(Attr.CHECKS);
        if (c != null && c.hasM()) {
            c.m().forEach((k, v) -> checks.put(k, Boolean.TRUE.equals(v.bool())));
        }
        return new Appeal(
                r.s(Attr.ID),
                appealStatus(item),
                new RegionCode(r.s(Attr.REGION_CODE)),
                new Patient(r.s(Attr.PATIENT_NAME), new Nik(r.s(Attr.NIK)), Times.parseDate(r.s(Attr.BIRTH_DATE)),
                        r.s(Attr.ADDRESS)),
                new Reporter(r.s(Attr.REPORTER_NAME), r.s(Attr.REPORTER_PHONE), r.s(Attr.REPORTER_RELATIONSHIP)),
                r.s(Attr.DIAGNOSIS),
                r.s(Attr.HOSPITAL),
                r.s(Attr.STORY),
                BpjsStatus.valueOf(r.s(Attr.BPJS_STATUS)),
                Rupiah.of(r.n(Attr.TARGET_AMOUNT)),
                r.time(Attr.CREATED_AT),
                r.time(Attr.VERIFIED_AT),
                r.s(Attr.NIK_HASH),
                checks,
                r.n(Attr.VERSION));
    }

    /** The status of an appeal item. */
    static AppealStatus appealStatus(Map<String, AttributeValue> appealItem) {
        return AppealStatus.valueOf(new Reader(appealItem).s(Attr.STATUS));
    }

    static String id(Map<String, AttributeValue> item) {
        return new Reader(item).s(Attr.ID);
    }

    static String appealId(Map<String, AttributeValue> item) {
        return new Reader(item).s(Attr.APPEAL_ID);
    }

    /** The NIK index entry: an appeal for the patient with that NIK's keyed hash. */
    static Map<String, AttributeValue> nikIndex(Appeal a) {
        return new Writer(Keys.nik(a.nikHash(), a.id())).s(Attr.APPEAL_ID, a.id()).item;
    }

    // ---- ledger head and entries

    /** The ledger head (see {@link LedgerHead}): totals, the chain's last seq and hash, target, status copy. */
    static Map<String, AttributeValue> ledgerHead(LedgerHead h) {
        Totals t = h.totals();
        return new Writer(Keys.ledgerHead(h.appealId()))
                .s(Attr.APPEAL_STATUS, h.appealStatus().name())
                .n(Attr.DONATED, t.donated().value())
                .n(Attr.REFUNDED, t.refunded().value())
                .n(Attr.DISBURSED, t.disbursed().value())
                .n(Attr.DONATION_COUNT, t.donationCount())
                .n(Attr.SEQ, t.seq())
                .s(Attr.LAST_HASH, t.lastHash())
                .n(Attr.TARGET_AMOUNT, h.target().value())
                .item;
    }

    static LedgerHead ledgerHead(String appealId, Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new LedgerHead(appealId, totals(item), Rupiah.of(r.n(Attr.TARGET_AMOUNT)),
                AppealStatus.valueOf(r.s(Attr.APPEAL_STATUS)));
    }

    static Totals totals(Map<String, AttributeValue> ledgerHeadItem) {
        Reader r = new Reader(ledgerHeadItem);
        return new Totals(Rupiah.of(r.n(Attr.DONATED)), Rupiah.of(r.n(Attr.REFUNDED)), Rupiah.of(r.n(Attr.DISBURSED)),
                r.n(Attr.DONATION_COUNT), r.n(Attr.SEQ), r.s(Attr.LAST_HASH));
    }

    static Map<String, AttributeValue> ledger(String appealId, LedgerEntry e, String actor) {
        return new Writer(Keys.ledger(appealId, e.seq()))
                .n(Attr.SEQ, e.seq())
                .s(Attr.TYPE, e.type().name())
                .n(Attr.AMOUNT, e.amount().value())
                .s(Attr.DONOR_NAME, e.donorName())
                .s(Attr.MESSAGE, e.message())
                .s(Attr.RECIPIENT, e.recipient())
                .s(Attr.REFERENCE, e.reference())
                .time(Attr.AT, e.at())
                .s(Attr.PREV_HASH, e.prevHash())
                .s(Attr.HASH, e.hash())
                .s(Attr.ACTOR, actor)
                .item;
    }

    static LedgerEntry ledger(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new LedgerEntry(r.n(Attr.SEQ), LedgerEntryType.valueOf(r.s(Attr.TYPE)), Rupiah.of(r.n(Attr.AMOUNT)),
                r.s(Attr.DONOR_NAME), r.s(Attr.MESSAGE), r.s(Attr.RECIPIENT), r.s(Attr.REFERENCE), r.time(Attr.AT),
                r.s(Attr.PREV_HASH), r.s(Attr.HASH));
    }

    // ---- history and anomalies

    static Map<String, AttributeValue> history(String appealId, HistoryEntry h, long version) {
        return new Writer(Keys.key(Keys.appealPk(appealId), Keys.historySk(Times.format(h.at()), version)))
                .time(Attr.AT, h.at())
                .s(Attr.ACTOR, h.actor())
                .s(Attr.ACTION, h.action())
                .s(Attr.REASON, h.reason())
                .s(Attr.FROM_REGION_CODE, h.fromRegionCode())
                .s(Attr.TO_REGION_CODE, h.toRegionCode())
                .item;
    }

    static HistoryEntry history(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new HistoryEntry(r.time(Attr.AT), r.s(Attr.ACTOR), r.s(Attr.ACTION), r.s(Attr.REASON),
                r.s(Attr.FROM_REGION_CODE), r.s(Attr.TO_REGION_CODE));
    }

    static Map<String, AttributeValue> anomaly(String appealId, Anomaly a) {
        return new Writer(Keys.key(Keys.appealPk(appealId), Keys.anomalySk(a.orderId(), a.paidAmount())))
                .s(Attr.TYPE, a.type())
                .time(Attr.AT, a.at())
                .s(Attr.PROVIDER, a.provider())
                .s(Attr.ORDER_ID, a.orderId())
                .n(Attr.EXPECTED_AMOUNT, a.expectedAmount())
                .s(Attr.PAID_AMOUNT, a.paidAmount())
                .item;
    }

    static Anomaly anomaly(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new Anomaly(r.s(Attr.TYPE), r.time(Attr.AT), r.s(Attr.PROVIDER), r.s(Attr.ORDER_ID),
                r.n(Attr.EXPECTED_AMOUNT), r.s(Attr.PAID_AMOUNT));
    }

    // ---- documents

    static Map<String, AttributeValue> document(Document d) {
        return new Writer(Keys.document(d.appealId(), d.id()))
                .s(Attr.ID, d.id())
                .s(Attr.APPEAL_ID, d.appealId())
                .s(Attr.KIND, d.kind().name())
                .s(Attr.TYPE, d.type().name())
                .n(Attr.SIZE, d.size())
                .s(Attr.STATUS, d.status().name())
                .time(Attr.CREATED_AT, d.createdAt())
                .s(Attr.OFFICER, d.officer())
                .n(Attr.STORED_SIZE, d.storedSize())
                .item;
    }

    static Document document(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new Document(r.s(Attr.ID), r.s(Attr.APPEAL_ID), DocumentKind.valueOf(r.s(Attr.KIND)),
                DocumentType.valueOf(r.s(Attr.TYPE)), r.n(Attr.SIZE), DocumentStatus.valueOf(r.s(Attr.STATUS)),
                r.time(Attr.CREATED_AT), r.s(Attr.OFFICER), r.nOrNull(Attr.STORED_SIZE));
    }

    // ---- donations

    /** A donation; while PENDING it carries the sparse index attributes reconciliation finds it by. */
    static Map<String, AttributeValue> donation(Donation d, String requestHash) {
        Writer w = new Writer(Keys.donation(d.orderId()))
                .s(Attr.ID, d.id())
                .s(Attr.ORDER_ID, d.orderId())
                .s(Attr.APPEAL_ID, d.appealId())
                .n(Attr.AMOUNT, d.amount().value())
                .s(Attr.DONOR_NAME, d.donorName())
                .bool(Attr.ANONYMOUS, d.anonymous())
                .s(Attr.MESSAGE, d.message())
                .s(Attr.PROVIDER, d.provider().wireName())
                .s(Attr.STATUS, d.status().name())
                .time(Attr.CREATED_AT, d.createdAt())
                .time(Attr.EXPIRES_AT, d.expiresAt())
                .time(Attr.SETTLED_AT, d.settledAt())
                .n(Attr.LEDGER_SEQ, d.ledgerSeq())
                .s(Attr.LEDGER_HASH, d.ledgerHash())
                .s(Attr.EMAIL, d.email())
                .s(Attr.PAYMENT_URL, d.payment() == null ? null : d.payment().url())
                .s(Attr.PAYMENT_REFERENCE, d.payment() == null ? null : d.payment().reference())
                .s(Attr.REQUEST_HASH, requestHash);
        w.item.putAll(Keys.pendingIndex(d));
        return w.item;
    }

    static Donation donation(Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        String url = r.s(Attr.PAYMENT_URL);
        return new Donation(r.s(Attr.ID), r.s(Attr.ORDER_ID), r.s(Attr.APPEAL_ID), Rupiah.of(r.n(Attr.AMOUNT)),
                r.s(Attr.DONOR_NAME), r.bool(Attr.ANONYMOUS), r.s(Attr.MESSAGE),
                Provider.fromWire(r.s(Attr.PROVIDER)).orElseThrow(), DonationStatus.valueOf(r.s(Attr.STATUS)),
                r.time(Attr.CREATED_AT), r.time(Attr.EXPIRES_AT), r.time(Attr.SETTLED_AT), r.nOrNull(Attr.LEDGER_SEQ),
                r.s(Attr.LEDGER_HASH), r.s(Attr.EMAIL), url == null ? null : new Payment(url, r.s(Attr.PAYMENT_REFERENCE)));
    }

    static String requestHash(Map<String, AttributeValue> donationItem) {
        return new Reader(donationItem).s(Attr.REQUEST_HASH);
    }

    static Map<String, AttributeValue> receipt(Donation d) {
        return new Writer(Keys.receipt(d.id())).s(Attr.ORDER_ID, d.orderId()).item;
    }

    static String receiptOrderId(Map<String, AttributeValue> receiptItem) {
        return new Reader(receiptItem).s(Attr.ORDER_ID);
    }

    static Map<String, AttributeValue> reconcileCursor(String after) {
        return new Writer(Keys.reconcileCursor()).s(Attr.AFTER, after).item;
    }

    static String reconcileCursor(Map<String, AttributeValue> item) {
        return new Reader(item).s(Attr.AFTER);
    }

    // ---- idempotency

    static Map<String, AttributeValue> idempotency(IdempotencyRecord rec) {
        return new Writer(Keys.idempotency(rec.scope(), rec.key()))
                .s(Attr.REQUEST_HASH, rec.requestHash())
                .n(Attr.ANSWER_STATUS, (long) rec.status())
                .s(Attr.BODY, rec.body())
                .s(Attr.LOCATION, rec.location())
                .n(Keys.TTL, rec.expiresAt().getEpochSecond())
                .item;
    }

    static IdempotencyRecord idempotency(String scope, String key, Map<String, AttributeValue> item) {
        Reader r = new Reader(item);
        return new IdempotencyRecord(scope, key, r.s(Attr.REQUEST_HASH), (int) r.n(Attr.ANSWER_STATUS), r.s(Attr.BODY),
                r.s(Attr.LOCATION), Instant.ofEpochSecond(r.n(Keys.TTL)));
    }
}
