package id.peduli.core.store.dynamodb;

/**
 * The names of the items' attributes, used alike by {@link Items} (which writes and reads them) and by the stores'
 * condition and update expressions, so a name is spelled once. Keys and index attributes are {@link Keys}'.
 */
final class Attr {
    private Attr() {}

    // shared by several kinds of item
    static final String ID = "id";
    static final String STATUS = "status";
    static final String TYPE = "type";
    static final String AT = "at";
    static final String ACTOR = "actor";
    static final String CREATED_AT = "createdAt";
    static final String APPEAL_ID = "appealId";
    static final String ORDER_ID = "orderId";
    static final String AMOUNT = "amount";
    static final String TARGET_AMOUNT = "targetAmount";
    static final String MESSAGE = "message";
    static final String DONOR_NAME = "donorName";
    static final String PROVIDER = "provider";
    static final String REQUEST_HASH = "requestHash";

    // appeal
    static final String REGION_CODE = "regionCode";
    static final String PATIENT_NAME = "patientName";
    static final String NIK = "nik";
    static final String BIRTH_DATE = "birthDate";
    static final String ADDRESS = "address";
    static final String NIK_HASH = "nikHash";
    static final String REPORTER_NAME = "reporterName";
    static final String REPORTER_PHONE = "reporterPhone";
    static final String REPORTER_RELATIONSHIP = "reporterRelationship";
    static final String DIAGNOSIS = "diagnosis";
    static final String HOSPITAL = "hospital";
    static final String STORY = "story";
    static final String BPJS_STATUS = "bpjsStatus";
    static final String VERIFIED_AT = "verifiedAt";
    static final String CHECKS = "checks";
    static final String VERSION = "version";

    // ledger head: totals, the chain's last sequence number and hash, and the head's copy of the appeal's status
    static final String DONATED = "donated";
    static final String REFUNDED = "refunded";
    static final String DISBURSED = "disbursed";
    static final String DONATION_COUNT = "donationCount";
    static final String SEQ = "seq";
    static final String LAST_HASH = "lastHash";
    static final String APPEAL_STATUS = "appealStatus";

    // ledger entry
    static final String RECIPIENT = "recipient";
    static final String REFERENCE = "reference";
    static final String PREV_HASH = "prevHash";
    static final String HASH = "hash";

    // history entry
    static final String ACTION = "action";
    static final String REASON = "reason";
    static final String FROM_REGION_CODE = "fromRegionCode";
    static final String TO_REGION_CODE = "toRegionCode";

    // anomaly
    static final String EXPECTED_AMOUNT = "expectedAmount";
    static final String PAID_AMOUNT = "paidAmount";

    // document and the appeal's document counter
    static final String KIND = "kind";
    static final String SIZE = "size";
    static final String OFFICER = "officer";
    static final String STORED_SIZE = "storedSize";
    static final String COUNT = "count";

    // donation and its receipt pointer
    static final String ANONYMOUS = "anonymous";
    static final String EXPIRES_AT = "expiresAt";
    static final String SETTLED_AT = "settledAt";
    static final String LEDGER_SEQ = "ledgerSeq";
    static final String LEDGER_HASH = "ledgerHash";
    static final String EMAIL = "email";
    static final String PAYMENT_URL = "paymentUrl";
    static final String PAYMENT_REFERENCE = "providerReference";
    static final String LEASE = "leaseUntil";

    // idempotency record
    static final String ANSWER_STATUS = "status";
    static final String BODY = "body";
    static final String LOCATION = "location";

    // reconciliation cursor
    static final String AFTER = "after";
}
