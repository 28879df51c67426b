package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.RegionCode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table, built here and nowhere else.
 * <pre>
 * APPEAL#id      A            the appeal (status, region, content, version)
 * APPEAL#id      T            its ledger head: totals, last seq, last hash, target
 * APPEAL#id      H#at#version an officer decision
 * APPEAL#id      L#seq        a ledger entry, immutable
 * APPEAL#id      X#orderId#.. a payment anomaly
 * DONATION#order D            a donation
 * RECEIPT#id     R            the donor's receipt number, pointing at the order
 * NIK#hmac       APPEAL#id    an appeal for the patient with that NIK (keyed hash, never the NIK)
 * IDEM#scope#key I            an idempotent request's first answer (TTL 24 h)
 * </pre>
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String TTL = "ttl";

    private Keys() {}

    /** The five indexes over appeal items: public listings by regency, province and all; queues by regency, province. */
    enum Index {
        PUBLIC_BY_REGENCY("PublicByRegency", "gsi1pk", "gsi1sk"),
        PUBLIC_BY_PROVINCE("PublicByProvince", "gsi2pk", "gsi2sk"),
        PUBLIC_ALL("PublicAll", "gsi3pk", "gsi3sk"),
        QUEUE_BY_REGENCY("QueueByRegency", "gsi4pk", "gsi4sk"),
        QUEUE_BY_PROVINCE("QueueByProvince", "gsi5pk", "gsi5sk");

        final String indexName;
        final String pk;
        final String sk;

        Index(String indexName, String pk, String sk) {
            this.indexName = indexName;
            this.pk = pk;
            this.sk = sk;
        }
    }

    static String appealPk(String appealId) {
        return "APPEAL#" + appealId;
    }

    static Map<String, AttributeValue> appeal(String appealId) {
        return key(appealPk(appealId), "A");
    }

    static Map<String, AttributeValue> totals(String appealId) {
        return key(appealPk(appealId), "T");
    }

    static String historySk(String at, long version) {
        return "H#" + at + "#" + String.format("%09d", version);
    }

    static final String HISTORY_PREFIX = "H#";
    static final String LEDGER_PREFIX = "L#";
    static final String ANOMALY_PREFIX = "X#";

    static String ledgerSk(long seq) {
        return LEDGER_PREFIX + String.format("%012d", seq);
    }

    static Map<String, AttributeValue> ledger(String appealId, long seq) {
        return key(appealPk(appealId), ledgerSk(seq));
    }

    static String anomalySk(String orderId, String paidAmount) {
        return ANOMALY_PREFIX + orderId + "#" + paidAmount;
    }

    static Map<String, AttributeValue> donation(String orderId) {
        return key("DONATION#" + orderId, "D");
    }

    static Map<String, AttributeValue> receipt(String donationId) {
        return key("RECEIPT#" + donationId, "R");
    }

    static String nikPk(String nikHash) {
        return "NIK#" + nikHash;
    }

    static Map<String, AttributeValue> nik(String nikHash, String appealId) {
        return key(nikPk(nikHash), appealPk(appealId));
    }

    static Map<String, AttributeValue> idempotency(String scope, String key) {
        return key("IDEM#" + scope + "#" + key, "I");
    }

    static final String PUBLIC = "PUB";

    /** Index partition for public appeals of a region (or everywhere for null). */
    static String publicPartition(RegionCode region) {
        return region == null ? PUBLIC : PUBLIC + "#" + region.value();
    }

    static String queuePartition(AppealStatus status, RegionCode region) {
        return "Q#" + status.name() + "#" + region.value();
    }

    static Index publicIndex(RegionCode region) {
        return region == null ? Index.PUBLIC_ALL : region.isProvince() ? Index.PUBLIC_BY_PROVINCE : Index.PUBLIC_BY_REGENCY;
    }

    static Index queueIndex(RegionCode region) {
        return region.isProvince() ? Index.QUEUE_BY_PROVINCE : Index.QUEUE_BY_REGENCY;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }
}
